import { Role } from '@espigon/kit/auth/role';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '@espigon/kit/server/request-context';
import type { CatalogContext } from '../../catalog.context';
import { Category } from './category.entity';
import { Subcategory } from './subcategory.entity';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: 'Every category, by name' })
  categories(@Ctx() ctx: CatalogContext): Promise<Category[]> {
    return ctx.services.categories.list(ctx);
  }

  @FieldResolver(() => [Subcategory], { description: 'By name' })
  subcategories(@Root() category: Category, @Ctx() ctx: CatalogContext): Promise<Subcategory[]> {
    return ctx.loaders.subcategoriesByCategory.load(category.id);
  }

  @Mutation(() => Category, { description: 'ADMIN; the slug is made from the name and must be unique' })
  createCategory(@Arg('name', () => String) name: string, @Ctx() ctx: CatalogContext): Promise<Category> {
    requireViewer(ctx, [Role.ADMIN]);
    return ctx.services.categories.createCategory(ctx, name);
  }

  @Mutation(() => Subcategory, { description: 'ADMIN; the slug is made from the name and must be unique' })
  createSubcategory(
    @Arg('categoryId', () => ID) categoryId: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: CatalogContext,
  ): Promise<Subcategory> {
    requireViewer(ctx, [Role.ADMIN]);
    return ctx.services.categories.createSubcategory(ctx, categoryId, name);
  }
}
