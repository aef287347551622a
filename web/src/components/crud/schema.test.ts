import { describe, expect, it } from 'vitest';
import { detailFields, fieldNames, missingRequired, type CrudSchema } from './schema';

interface Person {
  username: string;
  password: string;
  display_name: string;
  tags: string[];
  active: boolean;
}

const schema: CrudSchema<Person> = [
  { field: 'username', label: 'u', kind: 'text', required: true, modes: ['create'] },
  { field: 'password', label: 'p', kind: 'password', required: true, modes: ['create'] },
  { field: 'display_name', label: 'd', kind: 'text', required: true },
  { field: 'tags', label: 't', kind: 'multiselect', required: true },
  { field: 'active', label: 'a', kind: 'switch', modes: ['edit'] },
];

describe('crud schema', () => {
  it('lists the fields of each form mode', () => {
    expect(fieldNames(schema, 'create')).toEqual(['username', 'password', 'display_name', 'tags']);
    expect(fieldNames(schema, 'edit')).toEqual(['display_name', 'tags', 'active']);
  });
  it('never shows passwords in the detail view', () => {
    expect(detailFields(schema).map((field) => field.field)).toEqual(['username', 'display_name', 'tags', 'active']);
  });
  it('finds empty required fields for the mode', () => {
    expect(missingRequired(schema, 'create', { username: ' ', password: 'x', display_name: 'A', tags: [] })).toEqual(['username', 'tags']);
    expect(missingRequired(schema, 'edit', { display_name: 'A', tags: ['x'] })).toEqual([]);
  });
});
