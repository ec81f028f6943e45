// Flow 2 of docs/architecture.md through the gateway, the seller's side: who may list and change a product, every validation
// error, what unlisting and deleting hide, stock adjustments, and the categories administrators manage.
import { randomBytes } from 'node:crypto';
import type { CreateProductInput, UpdateProductInput } from './__generated__/graphql';
import {
  AdjustInventoryMutation,
  CategoriesQuery,
  CreateCategoryMutation,
  CreateProductMutation,
  CreateSubcategoryMutation,
  DeleteProductMutation,
  MyProductsQuery,
  ProductQuery,
  ProductsQuery,
  UpdateProductMutation,
} from './operations/catalog.operations';
import { LoginMutation, RegisterMutation } from './operations/users.operations';
import { demo, errorCode, execute, ok, uniqueEmail } from './support/client';

/** Seeded subcategory "Camarón" (fixed id), in the category "Mariscos". */
const CAMARON = '6f1c7a1e-0002-4000-8000-000000000008';
const UNKNOWN_SUBCATEGORY = '6f1c7a1e-0002-4000-8000-000000000999';

const productInput = (overrides: Partial<Record<keyof CreateProductInput, unknown>> = {}) =>
  ({
    name: 'Corvina de roca',
    description: 'Fresca del día',
    priceCents: 450,
    unit: 'LB',
    subcategoryId: CAMARON,
    quantityOnHand: 10,
    ...overrides,
  }) as CreateProductInput;

async function logIn(email: string): Promise<string> {
  const account = demo(email);
  return (await ok(LoginMutation, { email: account.email, password: account.password })).login.accessToken;
}

/** The seller whose products these tests change: registered here, so no other test touches them. */
let owner: { token: string; id: string };
let otherSeller: string;
let admin: string;
let client: string;

beforeAll(async () => {
  const { register } = await ok(RegisterMutation, {
    input: { email: uniqueEmail('seller'), password: 'Pescado-fresco-2026', name: 'Jacinto Pin', role: 'SELLER', stallName: 'Pesca Jacinto' },
  });
  owner = { token: register.accessToken, id: register.user.id };
  [otherSeller, admin, client] = await Promise.all([logIn('rosa@espigon.ec'), logIn('admin@espigon.ec'), logIn('carmen@example.ec')]);
});

async function create(overrides: Partial<Record<keyof CreateProductInput, unknown>> = {}): Promise<string> {
  return (await ok(CreateProductMutation, { input: productInput(overrides) }, { token: owner.token })).createProduct.id;
}

const productAs = async (id: string, token?: string) => (await ok(ProductQuery, { id }, { token })).product;

describe('createProduct', () => {
  it('lists a product for the seller, with its inventory, subcategory and stall (from the users subgraph)', async () => {
    const { createProduct } = await ok(
      CreateProductMutation,
      { input: productInput({ lowStockThreshold: 3, imageUrls: ['https://img.example.ec/c.jpg'] }) },
      { token: owner.token },
    );
    expect(createProduct).toMatchObject({
      name: 'Corvina de roca',
      description: 'Fresca del día',
      priceCents: 450,
      unit: 'LB',
      imageUrls: ['https://img.example.ec/c.jpg'],
      listed: true,
      available: true,
      seller: { id: owner.id },
      subcategory: { id: CAMARON, name: 'Camarón' },
      inventory: { quantityOnHand: 10, quantityReserved: 0, quantityAvailable: 10, lowStockThreshold: 3 },
    });
    expect(await productAs(createProduct.id)).toMatchObject({
      id: createProduct.id,
      seller: { id: owner.id, name: 'Jacinto Pin', sellerProfile: { stallName: 'Pesca Jacinto' } },
      subcategory: { id: CAMARON, name: 'Camarón', category: { name: 'Mariscos' } },
    });
  });

  it('refuses a client (FORBIDDEN), an anonymous caller and a bad token (UNAUTHENTICATED)', async () => {
    expect(errorCode(await execute(CreateProductMutation, { input: productInput() }, { token: client }))).toBe('FORBIDDEN');
    expect(errorCode(await execute(CreateProductMutation, { input: productInput() }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await execute(CreateProductMutation, { input: productInput() }, { token: 'not-a-token' }))).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['name', 'too short', { name: 'X' }],
    ['name', 'blank', { name: ' '.repeat(5) }],
    ['name', 'too long', { name: 'x'.repeat(121) }],
    ['description', 'too long', { description: 'x'.repeat(2001) }],
    ['priceCents', 'zero', { priceCents: 0 }],
    ['priceCents', 'negative', { priceCents: -100 }],
    ['priceCents', 'absurdly high', { priceCents: 10_000_001 }],
    ['subcategoryId', 'malformed', { subcategoryId: 'not-an-id' }],
    ['subcategoryId', 'unknown', { subcategoryId: UNKNOWN_SUBCATEGORY }],
    ['quantityOnHand', 'zero', { quantityOnHand: 0 }],
    ['quantityOnHand', 'negative', { quantityOnHand: -3 }],
    ['lowStockThreshold', 'negative', { lowStockThreshold: -1 }],
    ['imageUrls', 'javascript: URL', { imageUrls: ['javascript:alert(1)'] }],
    ['imageUrls', 'ftp: URL', { imageUrls: ['ftp://files.example.ec/a.jpg'] }],
    ['imageUrls', 'relative path', { imageUrls: ['/relative/path.jpg'] }],
    ['imageUrls', 'more than 10', { imageUrls: Array.from({ length: 11 }, (_, i) => `https://img.example.ec/${i}.jpg`) }],
    ['caughtAt', 'in the future', { caughtAt: new Date(Date.now() + 24 * 3600_000).toISOString() }],
  ])('rejects %s (%s) with BAD_USER_INPUT naming the field', async (field, _case, overrides) => {
    const result = await execute(CreateProductMutation, { input: productInput(overrides) }, { token: owner.token });
    expect(result.data?.createProduct ?? null).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('rejects an unknown unit with BAD_USER_INPUT', async () => {
    const result = await execute(CreateProductMutation, { input: productInput({ unit: 'TONELADA' }) }, { token: owner.token });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/unit/);
  });
});

describe('updateProduct, deleteProduct, adjustInventory', () => {
  let productId: string;
  beforeAll(async () => {
    productId = await create({ name: 'Camarón tigre' });
  });

  it('lets another seller touch nothing (FORBIDDEN) and leaves the product as it was', async () => {
    const asRosa = { token: otherSeller };
    expect(errorCode(await execute(UpdateProductMutation, { id: productId, input: { priceCents: 1 } }, asRosa))).toBe('FORBIDDEN');
    expect(errorCode(await execute(DeleteProductMutation, { id: productId }, asRosa))).toBe('FORBIDDEN');
    expect(errorCode(await execute(AdjustInventoryMutation, { productId, delta: -5 }, asRosa))).toBe('FORBIDDEN');
    expect(await productAs(productId)).toMatchObject({ priceCents: 450, listed: true, inventory: { quantityOnHand: 10 } });
  });

  it('refuses clients (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    for (const token of [client, undefined]) {
      const expected = token ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      expect(errorCode(await execute(UpdateProductMutation, { id: productId, input: { priceCents: 1 } }, { token }))).toBe(expected);
      expect(errorCode(await execute(DeleteProductMutation, { id: productId }, { token }))).toBe(expected);
      expect(errorCode(await execute(AdjustInventoryMutation, { productId, delta: 1 }, { token }))).toBe(expected);
    }
    expect(await productAs(productId)).toMatchObject({ priceCents: 450, inventory: { quantityOnHand: 10 } });
  });

  it('lets the owner update, with the same validation rules', async () => {
    const { updateProduct } = await ok(
      UpdateProductMutation,
      { id: productId, input: { priceCents: 700, description: null, imageUrls: ['http://img.example.ec/t.jpg'] } },
      { token: owner.token },
    );
    expect(updateProduct).toMatchObject({ priceCents: 700, description: null, imageUrls: ['http://img.example.ec/t.jpg'] });
    const invalid: [string, UpdateProductInput][] = [
      ['priceCents', { priceCents: 0 }],
      ['name', { name: 'a' }],
      ['name', { name: null }],
      ['imageUrls', { imageUrls: ['data:image/png;base64,AAAA'] }],
      ['subcategoryId', { subcategoryId: UNKNOWN_SUBCATEGORY }],
      ['listed', { listed: null }],
    ];
    for (const [field, input] of invalid) {
      const bad = await execute(UpdateProductMutation, { id: productId, input }, { token: owner.token });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await productAs(productId)).toMatchObject({ name: 'Camarón tigre', priceCents: 700, listed: true });
  });

  it('lets an administrator update any product and adjust its stock', async () => {
    const { updateProduct } = await ok(UpdateProductMutation, { id: productId, input: { name: 'Camarón tigre grande' } }, { token: admin });
    expect(updateProduct.name).toBe('Camarón tigre grande');
    const up = await ok(AdjustInventoryMutation, { productId, delta: 5, reason: 'recuento' }, { token: admin });
    expect(up.adjustInventory.quantityOnHand).toBe(15);
    const down = await ok(AdjustInventoryMutation, { productId, delta: -5, reason: 'recuento' }, { token: admin });
    expect(down.adjustInventory.quantityOnHand).toBe(10);
  });

  it('hides an unlisted product from everyone but its owner and administrators', async () => {
    await ok(UpdateProductMutation, { id: productId, input: { listed: false } }, { token: owner.token });
    expect(await productAs(productId)).toBeNull();
    expect(await productAs(productId, otherSeller)).toBeNull();
    expect(await productAs(productId, client)).toBeNull();
    expect(await productAs(productId, owner.token)).toMatchObject({ listed: false });
    expect(await productAs(productId, admin)).toMatchObject({ listed: false });

    const browse = async (token?: string) =>
      (await ok(ProductsQuery, { filter: { sellerId: owner.id, search: 'tigre' } }, { token })).products.edges.map((e) => e.node.id);
    expect(await browse()).toEqual([]);
    expect(await browse(otherSeller)).toEqual([]);
    expect(await browse(owner.token)).toEqual([productId]);
    const { me } = await ok(MyProductsQuery, { first: 50 }, { token: owner.token });
    expect(me?.products.edges.map((e) => e.node)).toContainEqual({ id: productId, name: 'Camarón tigre grande', listed: false });

    await ok(UpdateProductMutation, { id: productId, input: { listed: true } }, { token: owner.token });
    expect(await browse()).toEqual([productId]);
  });

  it('adjusts stock for the owner, never below zero, and a sold-out product is unavailable until stock comes back', async () => {
    const down = await ok(AdjustInventoryMutation, { productId, delta: -4, reason: 'merma' }, { token: owner.token });
    expect(down.adjustInventory).toEqual({ productId, quantityOnHand: 6, quantityReserved: 0, quantityAvailable: 6, lowStockThreshold: 0 });
    for (const delta of [0, -7]) {
      const refused = await execute(AdjustInventoryMutation, { productId, delta }, { token: owner.token });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'delta' });
    }
    const soldOut = await ok(AdjustInventoryMutation, { productId, delta: -6, reason: 'vendido en el muelle' }, { token: owner.token });
    expect(soldOut.adjustInventory).toEqual({ productId, quantityOnHand: 0, quantityReserved: 0, quantityAvailable: 0, lowStockThreshold: 0 });
    expect(await productAs(productId)).toMatchObject({ available: false, inventory: { quantityAvailable: 0 } });
    const availableIds = async () =>
      (await ok(ProductsQuery, { filter: { sellerId: owner.id, availableOnly: true }, first: 100 })).products.edges.map((e) => e.node.id);
    expect(await availableIds()).not.toContain(productId);

    await ok(AdjustInventoryMutation, { productId, delta: 3, reason: 'llegó la lancha' }, { token: owner.token });
    expect(await productAs(productId)).toMatchObject({ available: true, inventory: { quantityAvailable: 3 } });
    expect(await availableIds()).toContain(productId);
  });

  it('soft-deletes: the owner (or an administrator) deletes, and the product is gone for everyone', async () => {
    const [mine, byAdmin] = [await create({ name: 'Pulpo de roca' }), await create({ name: 'Pulpo pequeño' })];
    expect((await ok(DeleteProductMutation, { id: mine }, { token: owner.token })).deleteProduct).toBe(true);
    expect((await ok(DeleteProductMutation, { id: byAdmin }, { token: admin })).deleteProduct).toBe(true);
    for (const id of [mine, byAdmin]) {
      expect(await productAs(id, owner.token)).toBeNull();
      expect(await productAs(id, admin)).toBeNull();
    }
    const { products } = await ok(ProductsQuery, { filter: { sellerId: owner.id, search: 'pulpo' } }, { token: owner.token });
    expect(products.totalCount).toBe(0);
    expect(errorCode(await execute(DeleteProductMutation, { id: mine }, { token: owner.token }))).toBe('NOT_FOUND');
    expect(errorCode(await execute(UpdateProductMutation, { id: mine, input: { priceCents: 500 } }, { token: owner.token }))).toBe('NOT_FOUND');
    expect(errorCode(await execute(AdjustInventoryMutation, { productId: mine, delta: 1 }, { token: owner.token }))).toBe('NOT_FOUND');
  });

  it('answers product(id) with null for unknown or malformed ids', async () => {
    expect(await productAs('6f1c7a1e-9999-4000-8000-000000000000')).toBeNull();
    expect(await productAs('nope')).toBeNull();
  });
});

describe('categories', () => {
  it('lists the seeded assortment, by name, with subcategories by name', async () => {
    const { categories } = await ok(CategoriesQuery);
    // other tests may add categories: only the seeded ones, in their relative order
    const seeded = ['Mariscos', 'Moluscos', 'Pescados', 'Preparados'];
    expect(categories.map((c) => c.name).filter((name) => seeded.includes(name))).toEqual(seeded);
    const bySlug = new Map(categories.map((c) => [c.slug, c]));
    const mariscos = bySlug.get('mariscos')!;
    expect(mariscos.subcategories.map((s) => s.slug)).toEqual(['camaron', 'cangrejo', 'langosta', 'langostino']);
    expect(mariscos.subcategories.every((s) => s.category.slug === 'mariscos')).toBe(true);
    expect(bySlug.get('pescados')!.subcategories.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Atún aleta amarilla', 'Dorado', 'Picudo', 'Corvina', 'Pargo', 'Albacora', 'Wahoo']),
    );
    expect(bySlug.get('moluscos')!.subcategories.map((s) => s.name)).toEqual(['Calamar', 'Concha', 'Mejillón', 'Pulpo']);
  });

  it('lets only administrators create categories and subcategories, with unique slugs', async () => {
    const tag = randomBytes(4).toString('hex');
    const name = `Algas marinas ${tag}`;
    expect(errorCode(await execute(CreateCategoryMutation, { name }, { token: owner.token }))).toBe('FORBIDDEN');
    expect(errorCode(await execute(CreateCategoryMutation, { name }, { token: client }))).toBe('FORBIDDEN');
    expect(errorCode(await execute(CreateCategoryMutation, { name }))).toBe('UNAUTHENTICATED');

    const { createCategory } = await ok(CreateCategoryMutation, { name }, { token: admin });
    expect(createCategory).toMatchObject({ name, slug: `algas-marinas-${tag}` });
    expect(errorCode(await execute(CreateCategoryMutation, { name: name.toUpperCase() }, { token: admin }))).toBe('CONFLICT');

    const subName = `Cochayuyo ${tag}`;
    expect(errorCode(await execute(CreateSubcategoryMutation, { categoryId: createCategory.id, name: subName }, { token: owner.token }))).toBe(
      'FORBIDDEN',
    );
    const { createSubcategory } = await ok(CreateSubcategoryMutation, { categoryId: createCategory.id, name: subName }, { token: admin });
    expect(createSubcategory).toMatchObject({ slug: `cochayuyo-${tag}`, category: { slug: createCategory.slug } });
    const unknown = await execute(
      CreateSubcategoryMutation,
      { categoryId: '6f1c7a1e-0001-4000-8000-000000000999', name: `Otra ${tag}` },
      { token: admin },
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'categoryId' });
    const duplicate = await execute(CreateSubcategoryMutation, { categoryId: createCategory.id, name: 'Camarón' }, { token: admin });
    expect(errorCode(duplicate)).toBe('CONFLICT');

    const { categories } = await ok(CategoriesQuery);
    expect(categories.find((c) => c.id === createCategory.id)?.subcategories.map((s) => s.name)).toEqual([subName]);
  });
});
