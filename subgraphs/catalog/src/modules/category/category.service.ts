// Categories and subcategories: everyone reads them, administrators add them.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@espigon/kit/database/orm';
import { BadUserInputError, ConflictError } from '@espigon/kit/errors';
import { requireId } from '../product/product-rules';
import { Category } from './category.entity';
import { slugify } from './slug';
import { Subcategory } from './subcategory.entity';
import type { ServiceContext } from '@espigon/kit/server/service-context';

const NAME_MAX = 60;

function categoryName(value: string): { name: string; slug: string } {
  const name = value.trim().replace(/\s+/g, ' ');
  if (!name || name.length > NAME_MAX) throw new BadUserInputError(`name must have between 1 and ${NAME_MAX} characters`, 'name');
  const slug = slugify(name);
  if (!slug) throw new BadUserInputError('name must contain letters or digits', 'name');
  return { name, slug };
}

export class CategoryService {
  list({ em }: ServiceContext): Promise<Category[]> {
    return em.find(Category, {}, { orderBy: { name: 'asc', id: 'asc' } });
  }

  async createCategory({ em }: ServiceContext, nameInput: string): Promise<Category> {
    const { name, slug } = categoryName(nameInput);
    const category = em.create(Category, { name, slug } as Category);
    await this.flushUnique(em, `A category with the slug "${slug}" already exists`);
    return category;
  }

  async createSubcategory({ em }: ServiceContext, categoryIdInput: string, nameInput: string): Promise<Subcategory> {
    const categoryId = requireId(categoryIdInput, 'categoryId');
    const { name, slug } = categoryName(nameInput);
    if (!(await em.findOne(Category, { id: categoryId }))) throw new BadUserInputError('categoryId does not exist', 'categoryId');
    const subcategory = em.create(Subcategory, { categoryId, name, slug } as Subcategory);
    await this.flushUnique(em, `A subcategory with the slug "${slug}" already exists`);
    return subcategory;
  }

  private async flushUnique(em: EntityManager, message: string): Promise<void> {
    try {
      await em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw new ConflictError(message);
      throw err;
    }
  }
}
