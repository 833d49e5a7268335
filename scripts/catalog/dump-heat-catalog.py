#!/usr/bin/python3
"""Dump Heat's own facts to JSON for the offline validator in shared/hot.

Run with the system Python that has Heat installed (Debian python3-heat):

    /usr/bin/python3 scripts/catalog/dump-heat-catalog.py shared/hot/catalog

Writes two files:
  template-versions.json  per heat_template_version: allowed sections,
                          resource keys, output keys, parameter keys,
                          deletion policies, intrinsic functions (and which
                          are 'Removed'), condition functions.
  resource-types.json     every type in Heat's global resource registry with
                          its properties_schema, attributes_schema and
                          support status.

The data is read from Heat's classes at runtime (not copied from its source),
so regenerating against a newer Heat picks up new types and functions.
"""
import json
import logging
import os
import sys

logging.disable(logging.CRITICAL)

from heat.engine import resources  # noqa: E402
from heat.engine import template as heat_template  # noqa: E402
from heat.engine.hot import functions as hot_funcs  # noqa: E402
from heat.engine import function as heat_function  # noqa: E402
from heat.engine import support  # noqa: E402
from heat.engine.hot import parameters as hot_params  # noqa: E402


def schema_to_json(schema):
    """Convert a properties/attributes Schema into plain JSON data."""
    out = {}
    for key in ('type', 'description', 'default', 'required',
                'update_allowed', 'immutable'):
        try:
            value = schema[key]
        except KeyError:
            continue
        if value is None:
            continue
        out[key] = value
    constraints = getattr(schema, 'constraints', None) or []
    cons = []
    for c in constraints:
        try:
            cons.append(dict(c))
        except Exception:  # pragma: no cover - defensive
            cons.append({'custom_constraint': str(c)})
    if cons:
        out['constraints'] = cons
    nested = getattr(schema, 'schema', None)
    if nested:
        out['schema'] = {str(k): schema_to_json(v) for k, v in nested.items()}
    status = getattr(schema, 'support_status', None)
    if status is not None and status.status != support.SUPPORTED:
        out['support_status'] = status.status
        if status.message:
            out['support_message'] = str(status.message)
    return out


def attribute_to_json(attr):
    out = {}
    desc = getattr(attr, 'description', None)
    if desc:
        out['description'] = str(desc)
    atype = getattr(attr, 'type', None)
    if atype:
        out['type'] = str(atype)
    status = getattr(attr, 'support_status', None)
    if status is not None and status.status != support.SUPPORTED:
        out['support_status'] = status.status
    return out


def dump_types():
    resources.initialise()
    env = resources.global_env()
    out = {}
    for name in sorted(env.registry._registry):
        info = env.registry._registry[name]
        cls = getattr(info, 'value', None)
        if not isinstance(cls, type):
            continue
        entry = {
            'properties': {k: schema_to_json(v) for k, v in
                           sorted(getattr(cls, 'properties_schema',
                                          {}).items())},
            'attributes': {k: attribute_to_json(v) for k, v in
                           sorted(getattr(cls, 'attributes_schema',
                                          {}).items())},
        }
        status = getattr(cls, 'support_status', None)
        if status is not None:
            entry['support_status'] = status.status
            if status.message and status.status != support.SUPPORTED:
                entry['support_message'] = str(status.message)
        out[name] = entry
    return out


def dump_versions():
    mgr = heat_template._get_template_extension_manager()
    out = {}
    for ext in mgr:
        if not ext.name.startswith('heat_template_version.'):
            continue
        version = ext.name.split('.', 1)[1]
        cls = ext.plugin
        removed = sorted(n for n, f in cls.functions.items()
                         if f is hot_funcs.Removed)
        funcs = sorted(n for n, f in cls.functions.items()
                       if f is not hot_funcs.Removed
                       and f is not heat_function.Invalid)
        cond = sorted(getattr(cls, 'condition_functions', {}) or {})
        schema_cls = cls.param_schema_class
        out[version] = {
            'class': cls.__name__,
            'sections': [s for s in cls.SECTIONS if s != '__undefined__'],
            'resource_keys': list(cls._RESOURCE_KEYS),
            'output_keys': list(cls.OUTPUT_KEYS),
            'parameter_keys': list(schema_cls.KEYS),
            'parameter_types': list(schema_cls.TYPES),
            'deletion_policies': sorted(cls.deletion_policies),
            'functions': funcs,
            'removed_functions': removed,
            'condition_functions': cond,
            'param_schema': schema_cls.__name__,
            # modulo arrived with HOTParamSchema20170224
            'modulo_constraint': issubclass(
                schema_cls, hot_params.HOTParamSchema20170224),
        }
    return dict(sorted(out.items()))


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else 'shared/hot/catalog'
    os.makedirs(target, exist_ok=True)
    versions = dump_versions()
    types = dump_types()
    with open(os.path.join(target, 'template-versions.json'), 'w') as f:
        json.dump(versions, f, indent=1, sort_keys=False, default=str)
        f.write('\n')
    with open(os.path.join(target, 'resource-types.json'), 'w') as f:
        json.dump(types, f, separators=(',', ':'), sort_keys=True,
                  default=str)
        f.write('\n')
    print('versions: %d, resource types: %d' % (len(versions), len(types)))


if __name__ == '__main__':
    main()
