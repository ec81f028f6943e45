import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CatalogContext } from '../../catalog.context';
import { Category } from './category.entity';
import { Subcategory } from './subcategory.entity';

@Resolver(() => Subcategory)
export class SubcategoryResolver {
  @FieldResolver(() => Category, { description: 'The category it belongs to' })
  async category(@Root() subcategory: Subcategory, @Ctx() ctx: CatalogContext): Promise<Category> {
    const category = await ctx.loaders.category.load(subcategory.categoryId);
    // the foreign key guarantees it exists
    return category!;
  }
}
