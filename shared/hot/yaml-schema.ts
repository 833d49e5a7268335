// PyYAML's safe loader, as Heat configures it, expressed as `yaml` options.
// Heat reads YAML 1.1 with PyYAML's resolvers, which differ from the `yaml`
// package's 1.1 schema in a few places that change a value's type:
//   - `y`/`n` are strings (PyYAML has no single-letter booleans);
//   - `1e3` and `09` are strings (PyYAML floats need a dot and a signed
//     exponent; decimal ints do not start with 0);
//   - timestamps stay strings (Heat's loader maps the timestamp tag to str,
//     so `heat_template_version: 2013-05-23` is the string '2013-05-23').
import type { DocumentOptions, ParseOptions, SchemaOptions, Tags } from 'yaml';

const OVERRIDES: Record<string, RegExp> = {
  '/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/': /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  '/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/': /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  '/^[-+]?[0-9][0-9_]*$/': /^[-+]?(?:0|[1-9][0-9_]*)$/,
  '/^[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+$/': /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)[eE][-+][0-9]+$/,
  '/^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*$/': /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)$/,
};

function pyyamlTags(tags: Tags): Tags {
  const out: Tags = [];
  for (const tag of tags) {
    if (typeof tag === 'string') {
      out.push(tag);
      continue;
    }
    if (tag.tag === 'tag:yaml.org,2002:timestamp') continue;
    const test = 'test' in tag ? tag.test : undefined;
    const replacement = test ? OVERRIDES[String(test)] : undefined;
    out.push(replacement ? ({ ...tag, test: replacement } as typeof tag) : tag);
  }
  return out;
}

export const HEAT_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  // Heat accepts duplicate keys (last wins); we report them as warnings.
  uniqueKeys: false,
  keepSourceTokens: false,
  prettyErrors: false,
  customTags: pyyamlTags,
};
