// Checks JSON against the schemas of the OpenAPI document (issue 10: one source for the API's shape). The subset the
// route table's schemas use (server/src/features/*/api_schemas.json, checked by ApiSchemaProblems): type object,
// array, string, integer, number, boolean; properties, required, additionalProperties: false, items, enum, nullable
// (also beside a $ref), $ref "#/components/schemas/Name", oneOf (a value fitting one of the alternatives: a setting is
// a number or a text). A schema without type, $ref or oneOf accepts anything.
//
// harness.mjs checks every 2xx JSON answer of the API tests against its route's declared answer with it.

const PREFIX = '#/components/schemas/';

function describe(value) {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'an array';
    if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    if (typeof value === 'object') return 'an object';
    return `the ${typeof value} ${JSON.stringify(value)}`;
}

function typeFits(type, value) {
    switch (type) {
        case 'object':
            return typeof value === 'object' && value !== null && !Array.isArray(value);
        case 'array':
            return Array.isArray(value);
        case 'integer':
            return Number.isInteger(value);
        case 'number':
            return typeof value === 'number' && Number.isFinite(value);
        case 'string':
        case 'boolean':
            return typeof value === type;
        default:
            throw new Error(`schema type ${type} is outside the subset`);
    }
}

/**
 * The problems of `value` against `schema`: [{path, problem}], empty when it fits. `schemas` is the document's
 * components.schemas; `path` names the value (`$.items[0].name`).
 */
export function validate(schema, value, schemas = {}, path = '$') {
    const problems = [];
    check(schema, value, schemas, path, problems);
    return problems;
}

function check(schema, value, schemas, path, problems) {
    if (value === null) {
        if (schema.nullable) return;
        if (schema.$ref) {
            const target = resolve(schema.$ref, schemas);
            if (target.nullable) return;
        }
        if (schema.oneOf && schema.oneOf.some((alternative) => validate(alternative, null, schemas).length === 0)) return;
        if (schema.type || schema.$ref || schema.oneOf) problems.push({ path, problem: 'null where the schema does not allow null' });
        return;
    }
    if (schema.oneOf) {
        const fits = schema.oneOf.filter((alternative) => validate(alternative, value, schemas).length === 0);
        if (fits.length !== 1) {
            problems.push({ path, problem: `${describe(value)} fits ${fits.length} of the ${schema.oneOf.length} alternatives (oneOf), not one` });
        }
        return;
    }
    if (schema.$ref) {
        check(resolve(schema.$ref, schemas), value, schemas, path, problems);
        return;
    }
    if (schema.type && !typeFits(schema.type, value)) {
        problems.push({ path, problem: `expected ${schema.type}, got ${describe(value)}` });
        return;
    }
    if (schema.enum && !schema.enum.includes(value)) {
        problems.push({ path, problem: `${describe(value)} is not one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}` });
    }
    if (schema.type === 'object') {
        const properties = schema.properties ?? {};
        for (const name of schema.required ?? []) {
            if (!(name in value)) problems.push({ path, problem: `missing required field ${name}` });
        }
        for (const [name, field] of Object.entries(value)) {
            if (name in properties) check(properties[name], field, schemas, `${path}.${name}`, problems);
            else if (schema.additionalProperties === false) problems.push({ path, problem: `unexpected property ${name}` });
        }
    }
    if (schema.type === 'array' && schema.items) {
        value.forEach((item, index) => check(schema.items, item, schemas, `${path}[${index}]`, problems));
    }
}

function resolve(ref, schemas) {
    if (!ref.startsWith(PREFIX) || !(ref.slice(PREFIX.length) in schemas)) throw new Error(`$ref ${ref} resolves to no schema`);
    return schemas[ref.slice(PREFIX.length)];
}

/**
 * The routes of an OpenAPI document, for finding the one a request went to: a literal segment wins over a {param}
 * (GET /vendors/export.xlsx is not GET /vendors/{id}).
 */
export function routeTable(document) {
    const routes = [];
    for (const [pattern, operations] of Object.entries(document.paths ?? {})) {
        const segments = pattern.split('/');
        const regex = new RegExp(`^${segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`);
        const params = segments.filter((s) => /^\{.+\}$/.test(s)).length;
        for (const [method, operation] of Object.entries(operations)) {
            routes.push({ method: method.toUpperCase(), pattern, regex, params, operation });
        }
    }
    routes.sort((a, b) => a.params - b.params);
    return {
        find(method, pathname) {
            return routes.find((route) => route.method === method && route.regex.test(pathname)) ?? null;
        },
    };
}

/**
 * The problems of one answer against the document: [] when the route declares no shape yet (no x-shape-declared) or
 * when the answer fits. Else strings naming the route, the JSON path and the problem. A route may declare two 2xx
 * statuses with one schema (Route::CreatesOrReturns: 201 new, 200 already there): the answer's own status picks.
 */
export function checkAnswer(document, table, method, pathname, status, body, contentType) {
    const route = table.find(method, pathname);
    if (!route) return [`${method} ${pathname}: no route of the OpenAPI document matches`];
    const name = `${method} ${route.pattern}`;
    const { operation } = route;
    if (!operation['x-shape-declared']) return [];
    const declared = operation.responses?.[String(status)];
    if (!declared) {
        const statuses = Object.keys(operation.responses ?? {}).filter((code) => code.startsWith('2'));
        return [`${name}: answered ${status}, but declares ${statuses.join(' or ')}`];
    }
    const schema = declared.content?.['application/json']?.schema;
    if (!schema) {
        // A file route (its own content type), or a 204 that should carry no body.
        if (declared.content) return [];
        return [`${name}: answered ${status} with ${contentType || 'a body'}, but declares no content`];
    }
    return validate(schema, body, document.components?.schemas ?? {}).map(({ path, problem }) => `${name}: ${path}: ${problem}`);
}
