// The three roles of the market, defined once: a value (Role.SELLER) and a type ('ADMIN' | 'SELLER' | 'CLIENT').
export const Role = { ADMIN: 'ADMIN', SELLER: 'SELLER', CLIENT: 'CLIENT' } as const;
export type Role = (typeof Role)[keyof typeof Role];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && Object.values<string>(Role).includes(value);
