// The pier's assortment and the demo sellers' listings; inserted once (fixed ids), skipped when they exist.
import type { EntityManager } from '@espigon/kit/database/orm';
import { demoSellerIds } from './demo-sellers';
import { Category } from '../modules/category/category.entity';
import { slugify } from '../modules/category/slug';
import { Subcategory } from '../modules/category/subcategory.entity';
import { Inventory } from '../modules/inventory/inventory.entity';
import { recordProductsChanged } from '../modules/product/product-events';
import { Product } from '../modules/product/product.entity';
import { Unit } from '../modules/product/unit.enum';

const categoryId = (n: number) => `6f1c7a1e-0001-4000-8000-${String(n).padStart(12, '0')}`;
const subcategoryId = (n: number) => `6f1c7a1e-0002-4000-8000-${String(n).padStart(12, '0')}`;
const productId = (n: number) => `6f1c7a1e-0003-4000-8000-${String(n).padStart(12, '0')}`;

const assortment: { name: string; subcategories: string[] }[] = [
  { name: 'Pescados', subcategories: ['Atún aleta amarilla', 'Dorado', 'Picudo', 'Corvina', 'Pargo', 'Albacora', 'Wahoo'] },
  { name: 'Mariscos', subcategories: ['Camarón', 'Langostino', 'Langosta', 'Cangrejo'] },
  { name: 'Moluscos', subcategories: ['Pulpo', 'Calamar', 'Concha', 'Mejillón'] },
  { name: 'Preparados', subcategories: ['Filetes', 'Ceviche mix'] },
];

interface DemoProduct {
  seller: string;
  subcategory: string;
  name: string;
  description: string;
  priceCents: number;
  unit: Unit;
  stock: number;
  lowStockThreshold: number;
}

const { rosa, pedro, lucia } = demoSellerIds;

/** Prices per unit as paid at the pier of Manta (USD). */
const demoProducts: DemoProduct[] = [
  {
    seller: rosa,
    subcategory: 'Camarón',
    name: 'Camarón blanco jumbo',
    description: 'Camarón de piscina, 16-20 por libra, con cabeza.',
    priceCents: 550,
    unit: Unit.LB,
    stock: 40,
    lowStockThreshold: 8,
  },
  {
    seller: rosa,
    subcategory: 'Camarón',
    name: 'Camarón pomada',
    description: 'Camarón pequeño de mar, ideal para ceviche y arroz marinero.',
    priceCents: 380,
    unit: Unit.LB,
    stock: 30,
    lowStockThreshold: 5,
  },
  {
    seller: rosa,
    subcategory: 'Langostino',
    name: 'Langostino',
    description: 'Langostino fresco de la mañana, entero.',
    priceCents: 900,
    unit: Unit.LB,
    stock: 15,
    lowStockThreshold: 3,
  },
  {
    seller: rosa,
    subcategory: 'Langosta',
    name: 'Langosta verde',
    description: 'Langosta viva de 1 a 1,5 libras.',
    priceCents: 1200,
    unit: Unit.UNIT,
    stock: 8,
    lowStockThreshold: 2,
  },
  {
    seller: rosa,
    subcategory: 'Cangrejo',
    name: 'Cangrejo rojo',
    description: 'Atado de una docena de cangrejos rojos de manglar.',
    priceCents: 1800,
    unit: Unit.DOZEN,
    stock: 10,
    lowStockThreshold: 2,
  },
  {
    seller: rosa,
    subcategory: 'Concha',
    name: 'Concha negra',
    description: 'Concha prieta de manglar, por docena.',
    priceCents: 350,
    unit: Unit.DOZEN,
    stock: 30,
    lowStockThreshold: 5,
  },
  {
    seller: rosa,
    subcategory: 'Calamar',
    name: 'Calamar limpio',
    description: 'Calamar pelado y limpio, listo para freír.',
    priceCents: 350,
    unit: Unit.LB,
    stock: 25,
    lowStockThreshold: 5,
  },
  {
    seller: rosa,
    subcategory: 'Ceviche mix',
    name: 'Mix para ceviche',
    description: 'Camarón, pescado, calamar y concha picados.',
    priceCents: 700,
    unit: Unit.LB,
    stock: 12,
    lowStockThreshold: 3,
  },
  {
    seller: pedro,
    subcategory: 'Dorado',
    name: 'Dorado entero',
    description: 'Dorado (mahi-mahi) de pesca artesanal, entero y eviscerado.',
    priceCents: 275,
    unit: Unit.LB,
    stock: 60,
    lowStockThreshold: 10,
  },
  {
    seller: pedro,
    subcategory: 'Corvina',
    name: 'Corvina de roca',
    description: 'Corvina de roca fresca, la reina del encebollado y el ceviche.',
    priceCents: 450,
    unit: Unit.LB,
    stock: 20,
    lowStockThreshold: 4,
  },
  {
    seller: pedro,
    subcategory: 'Pargo',
    name: 'Pargo rojo',
    description: 'Pargo rojo entero, de 2 a 4 libras.',
    priceCents: 375,
    unit: Unit.LB,
    stock: 25,
    lowStockThreshold: 5,
  },
  {
    seller: pedro,
    subcategory: 'Picudo',
    name: 'Picudo en rodajas',
    description: 'Picudo (pez espada) cortado en rodajas de dos dedos.',
    priceCents: 300,
    unit: Unit.LB,
    stock: 30,
    lowStockThreshold: 5,
  },
  {
    seller: pedro,
    subcategory: 'Wahoo',
    name: 'Wahoo',
    description: 'Wahoo (guajo) fresco, carne blanca y firme.',
    priceCents: 325,
    unit: Unit.LB,
    stock: 18,
    lowStockThreshold: 4,
  },
  {
    seller: pedro,
    subcategory: 'Pulpo',
    name: 'Pulpo',
    description: 'Pulpo de roca, limpio.',
    priceCents: 500,
    unit: Unit.LB,
    stock: 12,
    lowStockThreshold: 3,
  },
  {
    seller: pedro,
    subcategory: 'Filetes',
    name: 'Filete de corvina',
    description: 'Filete sin piel ni espinas.',
    priceCents: 650,
    unit: Unit.LB,
    stock: 10,
    lowStockThreshold: 2,
  },
  {
    seller: pedro,
    subcategory: 'Mejillón',
    name: 'Mejillón',
    description: 'Mejillón fresco en su concha.',
    priceCents: 400,
    unit: Unit.KG,
    stock: 20,
    lowStockThreshold: 4,
  },
  {
    seller: lucia,
    subcategory: 'Atún aleta amarilla',
    name: 'Lomo de atún aleta amarilla',
    description: 'Atún aleta amarilla de la flota de Manta, lomo limpio.',
    priceCents: 350,
    unit: Unit.LB,
    stock: 80,
    lowStockThreshold: 10,
  },
  {
    seller: lucia,
    subcategory: 'Atún aleta amarilla',
    name: 'Atún entero',
    description: 'Atún aleta amarilla entero, de 25 a 35 libras.',
    priceCents: 6000,
    unit: Unit.UNIT,
    stock: 3,
    lowStockThreshold: 1,
  },
  {
    seller: lucia,
    subcategory: 'Albacora',
    name: 'Albacora',
    description: 'Albacora fresca, ideal para la parrilla.',
    priceCents: 250,
    unit: Unit.LB,
    stock: 40,
    lowStockThreshold: 8,
  },
  {
    seller: lucia,
    subcategory: 'Filetes',
    name: 'Filete de dorado',
    description: 'Filete de dorado sin piel.',
    priceCents: 550,
    unit: Unit.LB,
    stock: 15,
    lowStockThreshold: 3,
  },
  {
    seller: lucia,
    subcategory: 'Picudo',
    name: 'Lomo de picudo',
    description: 'Lomo de picudo para encocado.',
    priceCents: 320,
    unit: Unit.LB,
    stock: 22,
    lowStockThreshold: 4,
  },
];

/** Fixed ids, so other subgraphs' seeds (orders, reports) can point at the demo products. */
export const demoProductIds: Record<string, string> = Object.fromEntries(demoProducts.map((p, i) => [p.name, productId(i + 1)]));

export async function seedDemoCatalog(em: EntityManager): Promise<{ categories: number; products: number }> {
  return em.transactional(async (tx) => {
    const existingCategories = new Set((await tx.find(Category, {}, { fields: ['id'] })).map((c) => c.id));
    const existingSubcategories = new Set((await tx.find(Subcategory, {}, { fields: ['id'] })).map((s) => s.id));
    let categories = 0;
    assortment.forEach((category, i) => {
      const id = categoryId(i + 1);
      if (existingCategories.has(id)) return;
      tx.create(Category, { id, name: category.name, slug: slugify(category.name) } as Category);
      categories += 1;
    });
    // flushed table by table: the ORM maps the foreign keys as plain columns, so it cannot order the inserts itself
    await tx.flush();
    const subcategoryIds = new Map<string, string>();
    assortment
      .flatMap((category, i) => category.subcategories.map((name) => ({ name, categoryId: categoryId(i + 1) })))
      .forEach(({ name, categoryId }, i) => {
        const id = subcategoryId(i + 1);
        subcategoryIds.set(name, id);
        if (!existingSubcategories.has(id)) tx.create(Subcategory, { id, categoryId, name, slug: slugify(name) } as Subcategory);
      });
    await tx.flush();

    const existingProducts = new Set((await tx.find(Product, { id: { $in: Object.values(demoProductIds) } }, { fields: ['id'] })).map((p) => p.id));
    const now = Date.now();
    let products = 0;
    demoProducts.forEach((demo, i) => {
      const id = productId(i + 1);
      if (existingProducts.has(id)) return;
      tx.create(Product, {
        id,
        sellerId: demo.seller,
        subcategoryId: subcategoryIds.get(demo.subcategory)!,
        name: demo.name,
        description: demo.description,
        priceCents: demo.priceCents,
        unit: demo.unit,
        caughtAt: new Date(now - (3 + (i % 5)) * 3600_000),
        createdAt: new Date(now - i * 60_000),
        updatedAt: new Date(now - i * 60_000),
      } as Product);
      products += 1;
    });
    await tx.flush();
    demoProducts.forEach((demo, i) => {
      const id = productId(i + 1);
      if (existingProducts.has(id)) return;
      tx.create(Inventory, { productId: id, quantityOnHand: demo.stock, lowStockThreshold: demo.lowStockThreshold } as Inventory);
    });
    // the listings are announced like any other (product.changed), so read models built from events see the demo catalog
    await tx.flush();
    await recordProductsChanged(
      tx,
      demoProducts.map((_, i) => productId(i + 1)).filter((id) => !existingProducts.has(id)),
    );
    return { categories, products };
  });
}
