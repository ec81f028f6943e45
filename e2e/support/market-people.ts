// People and products of the shared test market, made through the gateway as a frontend would.
import { CreateProductMutation, ProductQuery } from '../operations/catalog.operations';
import { LoginMutation, RegisterMutation } from '../operations/users.operations';
import { demo, ok, uniqueEmail } from './client';

export interface Person {
  id: string;
  token: string;
  name: string;
}

/** Seeded subcategory "Camarón" (fixed id). */
export const CAMARON_SUBCATEGORY = '6f1c7a1e-0002-4000-8000-000000000008';

export async function registerPerson(role: 'CLIENT' | 'SELLER', name = role === 'SELLER' ? 'Jacinto Pin' : 'Ana Vera'): Promise<Person> {
  const { register } = await ok(RegisterMutation, {
    input: {
      email: uniqueEmail(role.toLowerCase()),
      password: 'Pescado-fresco-2026',
      name,
      role,
      ...(role === 'SELLER' ? { stallName: `Puesto de ${name}` } : {}),
    },
  });
  return { id: register.user.id, token: register.accessToken, name };
}

export async function loginAdmin(): Promise<Person> {
  const account = demo('admin@espigon.ec');
  const { login } = await ok(LoginMutation, { email: account.email, password: account.password });
  return { id: login.user.id, token: login.accessToken, name: login.user.name };
}

/** A product of the seller's, `stock` units at `priceCents` a pound. */
export async function listProduct(seller: Person, stock: number, priceCents = 450, name = 'Corvina de roca'): Promise<string> {
  const { createProduct } = await ok(
    CreateProductMutation,
    { input: { name, priceCents, unit: 'LB', subcategoryId: CAMARON_SUBCATEGORY, quantityOnHand: stock } },
    { token: seller.token },
  );
  return createProduct.id;
}

/** A product's stock as its seller sees it. */
export async function stockOf(seller: Person, productId: string): Promise<{ onHand: number; reserved: number }> {
  const { product } = await ok(ProductQuery, { id: productId }, { token: seller.token });
  return { onHand: product!.inventory.quantityOnHand, reserved: product!.inventory.quantityReserved };
}
