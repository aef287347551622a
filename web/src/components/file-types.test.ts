import { describe, expect, it } from 'vitest';
import { acceptedKinds } from './file-types';

describe('X-5 accepted file types in words', () => {
  it('names each kind once', () => {
    expect(acceptedKinds('.pdf,.jpg,.jpeg,.png,image/*,application/pdf')).toEqual(['pdf', 'jpg', 'png']);
    expect(acceptedKinds('.pdf,.jpg,.jpeg,.png,.xlsx,image/*,application/pdf')).toEqual(['pdf', 'jpg', 'png', 'xlsx']);
    expect(acceptedKinds('image/*,.pdf')).toEqual(['image', 'pdf']);
  });

  it('X-4 names the import files: CSV and Excel', () => {
    expect(acceptedKinds('.csv,text/csv,.xlsx')).toEqual(['csv', 'xlsx']);
    expect(acceptedKinds('.json,application/json,.csv')).toEqual(['json', 'csv']);
  });
});
