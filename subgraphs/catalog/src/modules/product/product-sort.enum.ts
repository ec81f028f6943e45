import { registerEnumType } from 'type-graphql';

export enum ProductSort {
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NAME = 'NAME',
}

registerEnumType(ProductSort, {
  name: 'ProductSort',
  description: 'The order of a list of products (ties broken by id, so pages never skip or repeat one)',
  valuesConfig: {
    NEWEST: { description: 'Latest listings first (the default)' },
    PRICE_ASC: { description: 'Cheapest first' },
    PRICE_DESC: { description: 'Most expensive first' },
    NAME: { description: 'Alphabetical, accents ignored' },
  },
});
