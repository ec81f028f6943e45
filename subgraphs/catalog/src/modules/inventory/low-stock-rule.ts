// When a stock change deserves an inventory.alert for the seller.

/**
 * Due when a change lowers what is available to or below the threshold from above it, or sells the
 * product out; further sales while already low do not repeat the alert until it sells out.
 */
export function lowStockAlertDue(availableBefore: number, availableAfter: number, threshold: number): boolean {
  if (availableAfter >= availableBefore) return false;
  if (availableAfter > threshold) return false;
  return availableBefore > threshold || availableAfter === 0;
}
