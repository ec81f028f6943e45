/** RESERVED holds stock for an order; RELEASED gives it back; COMMITTED takes it out of stock for good. */
export enum ReservationStatus {
  RESERVED = 'RESERVED',
  RELEASED = 'RELEASED',
  COMMITTED = 'COMMITTED',
}
