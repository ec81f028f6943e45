import { AppError, ErrorCode } from '@espigon/kit/errors';

export interface OutOfStockLine {
  productId: string;
  requested: number;
  /** What could be reserved now (0 when the product is gone or unlisted). */
  available: number;
}

/** A reservation that cannot be met in full: nothing was reserved, and `lines` names the lines that failed. */
export class OutOfStockError extends AppError {
  constructor(readonly lines: OutOfStockLine[]) {
    super(ErrorCode.OUT_OF_STOCK, `Not enough stock for ${lines.length} line(s); nothing was reserved`, { lines });
  }
}
