import { describe, expect, it } from 'vitest';
import { reminderRoute } from './link';

describe('reminderRoute', () => {
  it('accepts app and API paths', () => {
    expect(reminderRoute('/vendors/3')).toBe('/vendors/3');
    expect(reminderRoute('/api/v1/vendors/3')).toBe('/vendors/3');
    expect(reminderRoute('#/vendors/7')).toBe('/vendors/7');
    expect(reminderRoute('http://127.0.0.1:8080/api/v1/vendors/9')).toBe('/vendors/9');
  });
  it('opens the contract of a contract_expiring reminder (X-2)', () => {
    expect(reminderRoute('/contracts/3')).toBe('/contracts/3');
    expect(reminderRoute('/api/v1/contracts/3')).toBe('/contracts/3');
  });
  it('refuses nothing and relative junk', () => {
    expect(reminderRoute(null)).toBeNull();
    expect(reminderRoute('')).toBeNull();
    expect(reminderRoute('vendors/3')).toBeNull();
  });
});
