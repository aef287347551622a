#!/usr/bin/env bash
# Proves scripts/check-deps.py can fail: a copy of server/src with one wrong #include planted at a time must be refused,
# each kind of edge on its own, and the untouched copy must pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# "<file that gets the include>|<included file>" — one per rule of scripts/check-deps.py.
plants=(
  "core/money.h|platform/database/database.h"                          # core includes core only
  "platform/http/router.cpp|features/vendors/model.h"                   # platform includes no feature
  "features/catalogue/service.cpp|features/contracts/model.h"           # an edge the feature does not declare (USES)
  "features/procurement/rules/procurement_route.cpp|platform/database/database.h"  # the pure part has no I/O
  "features/contracts/model.cpp|features/vendors/store.h"               # the pure part includes pure parts only
  "features/vendors/routes.cpp|features/vendors/store.h"                # routes call a service, never a store
  "features/vendors/service.cpp|platform/http/router.h"                 # services never include the HTTP layer
  "features/vendors/service.cpp|app/services.h"                         # only app/ and main.cpp include app/
  "features/vendors/service.cpp|features/vendors/no_such_file.h"        # an include that names nothing
)
# A route that names the store layer (storage::) instead of the service's types, planted as a line of code.
storage_plant="features/vendors/routes.cpp"
rm -rf "$work/src"; cp -r server/src "$work/src"
printf 'void Planted(houqin::storage::Connection& connection);\n' >>"$work/src/$storage_plant"
if python3 scripts/check-deps.py "$work/src" >/dev/null 2>&1; then
  echo "check-deps self-test: FAILED: not caught: $storage_plant names storage::" >&2
  exit 1
fi
# A service's header that returns a store row instead of a model type (a database handle is allowed).
service_plant="features/vendors/service.h"
rm -rf "$work/src"; cp -r server/src "$work/src"
printf 'houqin::storage::UserRow Planted(houqin::storage::Connection& connection);\n' >>"$work/src/$service_plant"
if python3 scripts/check-deps.py "$work/src" >/dev/null 2>&1; then
  echo "check-deps self-test: FAILED: not caught: $service_plant names a store type" >&2
  exit 1
fi
for plant in "${plants[@]}"; do
  file=${plant%%|*}; target=${plant#*|}
  rm -rf "$work/src"; cp -r server/src "$work/src"
  printf '#include "%s"\n' "$target" >>"$work/src/$file"
  if python3 scripts/check-deps.py "$work/src" >/dev/null 2>&1; then
    echo "check-deps self-test: FAILED: not caught: $file includes $target" >&2
    exit 1
  fi
done
rm -rf "$work/src"; cp -r server/src "$work/src"
python3 scripts/check-deps.py "$work/src" >/dev/null
echo "check-deps self-test: ${#plants[@]} planted includes, a route naming storage:: and a service header naming a store type caught; the untouched tree passes"
