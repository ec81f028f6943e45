import { Role } from '@espigon/kit/auth/role';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '@espigon/kit/server/request-context';
import type { CatalogContext } from '../../catalog.context';
import { Category } from './category.entity';
import { Subcategory } from './subcategory.entity';

const NAME_DESCRIPTION = '1 to 60 characters with letters or digits (spaces collapsed)';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: 'Every category, by name' })
  categories(@Ctx() ctx: CatalogContext): Promise<Category[]> {
    return ctx.services.categories.list(ctx);
  }

  @FieldResolver(() => [Subcategory], { description: 'Its subcategories, by name' })
  subcategories(@Root() category: Category, @Ctx() ctx: CatalogContext): Promise<Subcategory[]> {
    return ctx.loaders.subcategoriesByCategory.load(category.id);
  }

  @Mutation(() => Category, { description: 'ADMIN: a new category; the slug is made from the name and must be unique (CONFLICT otherwise)' })
  createCategory(@Arg('name', () => String, { description: NAME_DESCRIPTION }) name: string, @Ctx() ctx: CatalogContext): Promise<Category> {
    requireViewer(ctx, [Role.ADMIN]);
    return ctx.services.categories.createCategory(ctx, name);
  }

  @Mutation(() => Subcategory, {
    description: 'ADMIN: a new subcategory; the slug is made from the name and must be unique across subcategories (CONFLICT otherwise)',
  })
  createSubcategory(
    @Arg('categoryId', () => ID, { description: 'The category it belongs to (BAD_USER_INPUT when there is none with that id)' }) categoryId: string,
    @Arg('name', () => String, { description: NAME_DESCRIPTION }) name: string,
    @Ctx() ctx: CatalogContext,
  ): Promise<Subcategory> {
    requireViewer(ctx, [Role.ADMIN]);
    return ctx.services.categories.createSubcategory(ctx, categoryId, name);
  }
}
