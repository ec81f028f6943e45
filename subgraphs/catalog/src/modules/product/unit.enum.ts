import { registerEnumType } from 'type-graphql';

export enum Unit {
  KG = 'KG',
  LB = 'LB',
  UNIT = 'UNIT',
  DOZEN = 'DOZEN',
}

registerEnumType(Unit, {
  name: 'Unit',
  description: 'What one unit of price and stock is',
  valuesConfig: {
    KG: { description: 'Kilogram' },
    LB: { description: 'Pound (libra), common at the pier' },
    UNIT: { description: 'One piece: a whole fish, a lobster' },
    DOZEN: { description: 'Twelve pieces: conchas, cangrejos' },
  },
});
