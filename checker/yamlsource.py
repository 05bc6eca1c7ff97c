"""Load YAML safely and keep where every value came from, so errors can name file:line:col.

Used for rules/, waivers and sources.yaml: a pydantic error's location (a path of keys and
indexes) is walked back through PyYAML's node tree to the line and column of the offending value.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from checker.errors import ConfigError

Model = TypeVar("Model", bound=BaseModel)

# libyaml's safe loader when PyYAML was built with it (about 20x faster on front matter); same tags, same marks.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Return (data, node tree) of one YAML file, or raise ConfigError naming file:line:col."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return parse_yaml(text, str(path))


def parse_yaml(text: str, name: str) -> tuple[Any, yaml.Node | None]:
    loader = _SafeLoader(text)
    try:
        # One parse: compose the node tree (for file:line:col) and build the data from it.
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise ConfigError(f"{where}: invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}: invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return data, node


def node_at(node: yaml.Node | None, loc: Sequence[int | str]) -> yaml.Node | None:
    """The deepest node along a pydantic error location (keys and list indexes)."""
    current = node
    for part in loc:
        if isinstance(current, yaml.MappingNode):
            nxt = None
            for key_node, value_node in current.value:
                if str(key_node.value) == str(part):
                    nxt = value_node
                    break
            if nxt is None:
                return current
            current = nxt
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int) and part < len(current.value):
            current = current.value[part]
        else:
            return current
    return current


def key_node_at(node: yaml.Node | None, loc: Sequence[int | str]) -> yaml.Node | None:
    """Like node_at but stops on the key itself, which is where an unknown key should point."""
    if not loc:
        return node
    parent = node_at(node, loc[:-1])
    if isinstance(parent, yaml.MappingNode):
        for key_node, _ in parent.value:
            if str(key_node.value) == str(loc[-1]):
                return key_node
    return node_at(node, loc)


def where(name: str, node: yaml.Node | None) -> str:
    if node is None:
        return name
    return f"{name}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def validate(model: type[Model], data: Any, node: yaml.Node | None, name: str) -> Model:
    """Validate YAML data into a model; the first error becomes one line naming file:line:col."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [p for p in first["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        is_unknown_key = first["type"] == "extra_forbidden"
        target = key_node_at(node, loc) if is_unknown_key else node_at(node, loc)
        dotted = ".".join(str(p) for p in loc) or "(top level)"
        what = f"unknown key '{loc[-1]}'" if is_unknown_key and loc else f"{dotted}: {first['msg']}"
        raise ConfigError(f"{where(name, target)}: {what}") from None


def load_model(model: type[Model], path: Path) -> Model:
    data, node = read_yaml(path)
    return validate(model, data, node, str(path))
