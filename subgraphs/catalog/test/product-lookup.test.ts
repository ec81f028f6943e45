// The internal product lookup orders' carts use, on the market's catalog: credential, bad bodies, and what it says
// of products on sale, sold out, unlisted, deleted and unknown.
import { randomUUID } from 'node:crypto';
import { AdjustInventoryMutation, DeleteProductMutation, UpdateProductMutation } from '../../../e2e/operations/catalog.operations';
import { ok } from '../../../e2e/support/client';
import { internal, listProduct, registerSeller } from './support/market-catalog';

it('needs the internal credential and a list of at most 100 product ids', async () => {
  expect((await internal('POST', '/internal/products/lookup', { ids: [] }, null)).status).toBe(401);
  for (const body of ['{nope', {}, { ids: 'x' }, { ids: ['not-an-id'] }, { ids: Array.from({ length: 101 }, () => randomUUID()) }]) {
    const response = await internal('POST', '/internal/products/lookup', body);
    expect([response.status, typeof response.body.code]).toEqual([400, 'string']);
  }
  expect((await internal('POST', '/internal/products/lookup', { ids: [] })).body).toEqual({ products: [] });
});

it('tells what each product is now: on sale, sold out, unlisted, deleted; unknown ids are left out', async () => {
  const seller = await registerSeller('Lucía Chávez');
  const onSale = await listProduct(seller, { name: 'Atún', priceCents: 700, quantityOnHand: 8 });
  const soldOut = await listProduct(seller, { quantityOnHand: 2 });
  const unlisted = await listProduct(seller);
  const deleted = await listProduct(seller);
  await ok(AdjustInventoryMutation, { productId: soldOut, delta: -2 }, { token: seller.token });
  await ok(UpdateProductMutation, { id: unlisted, input: { listed: false } }, { token: seller.token });
  await ok(DeleteProductMutation, { id: deleted }, { token: seller.token });

  const { status, body } = await internal('POST', '/internal/products/lookup', {
    ids: [onSale, soldOut, unlisted, deleted, randomUUID(), onSale.toUpperCase()],
  });
  expect(status).toBe(200);
  const byId = Object.fromEntries(body.products.map((p: { id: string }) => [p.id, p]));
  expect(Object.keys(byId).sort()).toEqual([onSale, soldOut, unlisted, deleted].sort());
  expect(byId[onSale]).toEqual({
    id: onSale,
    sellerId: seller.id,
    name: 'Atún',
    priceCents: 700,
    unit: 'LB',
    visible: true,
    orderable: true,
    quantityAvailable: 8,
  });
  expect(byId[soldOut]).toEqual(expect.objectContaining({ visible: true, orderable: false, quantityAvailable: 0 }));
  expect(byId[unlisted]).toEqual(expect.objectContaining({ visible: false, orderable: false, quantityAvailable: 0 }));
  expect(byId[deleted]).toEqual(expect.objectContaining({ visible: false, orderable: false, quantityAvailable: 0 }));
});
