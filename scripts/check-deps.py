#!/usr/bin/env python3
"""The include edges of server/src, checked against what the build declares (make lint; docs/architecture.md).

    core  <-  platform  <-  features/<feature>  <-  app  <-  main.cpp

- core/ includes core/ only; platform/ includes core/ and platform/.
- features/<f>/ includes core/, platform/, its own folder, and the folders of the features its CMakeLists.txt USES.
- The pure part of a feature (rules/, and the PURE files of its CMakeLists.txt with their headers) includes core/,
  its own pure part and the pure parts of the features it USES: never platform/ (no database, no HTTP).
- Routes (*routes.h, *routes.cpp) include no store (*store.h) and nothing from platform/database: handlers hold no SQL.
  Nor do they name the store layer's types or functions (`storage::`): a service hands its routes its own types.
- A service's header (*service*.h, *view*.h) names no store type either: what a service takes and returns is the
  feature's model (features/<f>/model.h and the like), not a row of the store. It may name the database handles
  (storage::Connection, storage::Database, storage::Transaction) and storage::VendorScope, the scope a query is
  limited to.
- Services and stores never include platform/http/ (the HTTP library stays in the routes).
- Nothing but app/ and main.cpp includes app/.
Tests (*_test.cpp) may also include app/ (the demo data) and any feature, as they link the whole server.

    scripts/check-deps.py [SRC_ROOT]     default: server/src
Exit status 1 and one line per crossing edge when any edge is undeclared.
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'server', 'src')
root = os.path.normpath(root)
include_re = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
storage_re = re.compile(r'\bstorage::')
storage_type_re = re.compile(r'\bstorage::(\w+)')
service_header_allows = {'Connection', 'Database', 'Transaction', 'VendorScope'}


def feature_declarations():
    """{feature: (uses, pure_stems)} from each features/<f>/CMakeLists.txt's houqin_feature(...) call."""
    declared = {}
    features_dir = os.path.join(root, 'features')
    for name in sorted(os.listdir(features_dir)):
        cmake = os.path.join(features_dir, name, 'CMakeLists.txt')
        if not os.path.isfile(cmake):
            continue
        text = re.sub(r'#[^\n]*', '', open(cmake, encoding='utf-8').read())
        call = re.search(r'houqin_feature\(\s*(\w+)(.*?)\)', text, re.S)
        if not call or call.group(1) != name:
            sys.exit(f'check-deps: {cmake}: no houqin_feature({name} ...)')
        words = call.group(2).split()
        sections, current = {}, None
        for word in words:
            if word in ('USES', 'PURE', 'SOURCES', 'PRIVATE'):
                current = sections.setdefault(word, [])
            elif current is not None:
                current.append(word)
        pure = {os.path.splitext(f)[0] for f in sections.get('PURE', [])}
        declared[name] = (set(sections.get('USES', [])), pure)
    return declared


features = feature_declarations()


def classify(path):
    """(part, feature, pure) for a path relative to root."""
    parts = path.split('/')
    if parts[0] == 'features' and len(parts) > 2:
        feature = parts[1]
        rest = '/'.join(parts[2:])
        stem = os.path.splitext(rest)[0]
        if stem.endswith('_test'):
            stem = stem[:-5]
        pure = rest.startswith('rules/') or stem in features.get(feature, (set(), set()))[1]
        return 'feature', feature, pure
    if parts[0] in ('core', 'platform', 'app'):
        return parts[0], None, parts[0] == 'core'
    return 'main', None, False


def allowed(source, target):
    """None when the edge source -> target is declared, else the reason it is not."""
    s_part, s_feature, s_pure = classify(source)
    t_part, t_feature, t_pure = classify(target)
    is_test = source.endswith('_test.cpp')
    base = os.path.basename(source)
    if t_part == 'app' and s_part not in ('app', 'main') and not is_test:
        return 'only app/ and main.cpp wire the features together'
    if s_part == 'core' and t_part != 'core':
        return 'core/ holds values with no I/O and includes core/ only'
    if s_part == 'platform' and t_part not in ('core', 'platform'):
        return 'platform/ serves every feature and includes no feature'
    if s_part == 'feature':
        if base.endswith(('routes.h', 'routes.cpp')):
            if os.path.basename(target).endswith('store.h') or target.startswith('platform/database/'):
                return 'routes hold no SQL: they call a service, never a store'
        elif t_part == 'platform' and target.startswith('platform/http/') and not base.endswith(('codec.h', 'codec.cpp')):
            if not is_test:
                return 'services and stores never include the HTTP layer'
        if t_part == 'feature' and t_feature != s_feature and not is_test:
            uses = features.get(s_feature, (set(), set()))[0]
            if t_feature not in uses:
                return f'features/{s_feature}/CMakeLists.txt does not declare USES {t_feature}'
        if s_pure and not is_test:
            if t_part == 'platform':
                return "a feature's pure part (model, rules) has no I/O and includes no platform/"
            if t_part == 'feature' and not t_pure:
                return "a feature's pure part includes only pure parts (model, rules)"
    return None


failures = []
checked = 0
for directory, _, files in os.walk(root):
    for name in sorted(files):
        if not name.endswith(('.h', '.cpp')):
            continue
        path = os.path.relpath(os.path.join(directory, name), root).replace(os.sep, '/')
        text = open(os.path.join(directory, name), encoding='utf-8').read()
        for match in include_re.finditer(text):
            target = match.group(1)
            if not os.path.isfile(os.path.join(root, target)):
                failures.append(f'{path}: #include "{target}": no such file under {root}')
                continue
            checked += 1
            reason = allowed(path, target)
            if reason:
                line = text.count('\n', 0, match.start()) + 1
                failures.append(f'{path}:{line}: #include "{target}": {reason}')
        if path.startswith('features/') and name.endswith(('routes.h', 'routes.cpp')):
            for number, line in enumerate(text.split('\n'), 1):
                if storage_re.search(line.split('//', 1)[0]):
                    failures.append(f'{path}:{number}: names storage::, the store layer: routes call a service and '
                                    'read the types it returns')
        if path.startswith('features/') and name.endswith('.h') and ('service' in name or 'view' in name):
            for number, line in enumerate(text.split('\n'), 1):
                for used in storage_type_re.findall(line.split('//', 1)[0]):
                    if used not in service_header_allows:
                        failures.append(f'{path}:{number}: names storage::{used}, a store type: a service takes and '
                                        'returns the feature\'s model types')

for failure in failures:
    print('check-deps: ' + failure, file=sys.stderr)
if failures:
    print(f'check-deps: FAILED: {len(failures)} include(s) or name(s) cross an undeclared edge', file=sys.stderr)
    sys.exit(1)
print(f'check-deps: {checked} includes, every edge declared ({len(features)} features)')
