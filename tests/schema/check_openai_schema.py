#!/usr/bin/python3
"""Validates the OpenAI encoder's request bodies against OpenAI's official schema.

Runs the writer (tests/schema/write_openai_bodies.cpp, built by the caller) into a temporary
directory, then checks every body it wrote against the `$defs` entry its manifest names:
  - JSON bodies as they are;
  - multipart bodies after turning their parts into an object: repeated `image[]` files become the
    `image` array, file parts a placeholder string, numeric and boolean text fields numbers and
    booleans where the schema declares them so (form fields are text on the wire).

The schema is OpenAPI-flavoured (tests/data/openai/openai_images_schema.json; its source is in
tests/data/README.md). Before validating, as the schema's extraction notes prescribe,
`nullable: true` is mapped onto JSON Schema's "null" type. The request roots are also closed
(`additionalProperties: false`): the spec leaves them open, which would let a misspelt field pass.

A few bodies that must fail (negative controls) prove that the validator really checks.

Usage: check_openai_schema.py --writer PATH [--schema PATH]
Exit status 0 when every body conforms and every control is rejected.
"""
import argparse
import copy
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_SCHEMA = HERE.parent / "data" / "openai" / "openai_images_schema.json"
REQUEST_ROOTS = ("CreateImageRequest", "CreateImageEditRequest", "EditImageBodyJsonParam")
ENDPOINTS = {
    "CreateImageRequest": "/v1/images/generations",
    "CreateImageEditRequest": "/v1/images/edits",
    "EditImageBodyJsonParam": "/v1/images/edits",
}


def map_nullable(node):
    """OpenAPI 3.0 `nullable: true` -> JSON Schema's "null" type, recursively."""
    if isinstance(node, list):
        return [map_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: map_nullable(value) for key, value in node.items()}
    if node.pop("nullable", False) is True:
        if "type" in node:
            types = node["type"] if isinstance(node["type"], list) else [node["type"]]
            node["type"] = types + ["null"]
            if "enum" in node:
                node["enum"] = node["enum"] + [None]
        elif "anyOf" in node:
            node["anyOf"] = node["anyOf"] + [{"type": "null"}]
        elif "$ref" in node:
            node = {"anyOf": [{"$ref": node.pop("$ref")}, {"type": "null"}], **node}
    return node


def load_schema(path):
    document = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    defs = map_nullable(document["$defs"])
    for root in REQUEST_ROOTS:
        defs[root]["additionalProperties"] = False
    return defs


def validator_for(defs, root):
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": defs,
              "$ref": f"#/$defs/{root}"}
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def property_types(defs, root, name):
    """The JSON types the schema allows for a property (following anyOf and $ref)."""
    found = set()

    def walk(node):
        if not isinstance(node, dict):
            return
        if "$ref" in node:
            walk(defs[node["$ref"].split("/")[-1]])
        t = node.get("type")
        if isinstance(t, str):
            found.add(t)
        elif isinstance(t, list):
            found.update(t)
        for branch in node.get("anyOf", []) + node.get("oneOf", []):
            walk(branch)

    walk(defs[root]["properties"].get(name, {}))
    return found


def parse_multipart(body, content_type):
    """[(name, filename or None, part content type or None, data bytes)] per RFC 7578."""
    prefix = "multipart/form-data; boundary="
    if not content_type.startswith(prefix):
        raise ValueError(f"not multipart/form-data: {content_type}")
    delimiter = b"--" + content_type[len(prefix):].encode()
    if not body.startswith(delimiter) or not body.endswith(delimiter + b"--\r\n"):
        raise ValueError("body does not start and end with the boundary")
    parts = []
    for chunk in body[len(delimiter):-len(delimiter + b"--\r\n")].split(b"\r\n" + delimiter):
        if not chunk.startswith(b"\r\n"):
            raise ValueError("a delimiter is not followed by CRLF")
        head, sep, data = chunk[2:].partition(b"\r\n\r\n")
        if not sep:
            raise ValueError("a part has no blank line after its headers")
        if data.endswith(b"\r\n"):
            data = data[:-2]
        name = filename = part_type = None
        for line in head.decode("utf-8").split("\r\n"):
            key, _, value = line.partition(": ")
            if key.lower() == "content-disposition":
                for param in value.split("; ")[1:]:
                    k, _, v = param.partition("=")
                    if k == "name":
                        name = v.strip('"')
                    elif k == "filename":
                        filename = v.strip('"')
            elif key.lower() == "content-type":
                part_type = value
        if name is None:
            raise ValueError("a part has no name")
        parts.append((name, filename, part_type, data))
    return parts


def multipart_as_object(defs, root, parts):
    obj = {}
    for name, filename, part_type, data in parts:
        if filename is not None:
            if part_type not in ("image/png", "image/jpeg", "image/webp"):
                raise ValueError(f"file part {name} has type {part_type}; OpenAI takes png, "
                                 "jpeg or webp")
            if name == "image[]":
                obj.setdefault("image", []).append("<binary>")
            else:
                obj[name] = "<binary>"
            continue
        text = data.decode("utf-8")
        types = property_types(defs, root, name)
        value = text
        if "integer" in types and text.lstrip("-").isdigit():
            value = int(text)
        elif "boolean" in types and text in ("true", "false"):
            value = text == "true"
        obj[name] = value
    return obj


def errors_of(validator, instance):
    return sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writer", required=True, help="the built write_openai_bodies program")
    parser.add_argument("--schema", default=str(DEFAULT_SCHEMA))
    args = parser.parse_args(argv[1:])

    defs = load_schema(args.schema)
    validators = {root: validator_for(defs, root) for root in REQUEST_ROOTS}
    failures = 0

    with tempfile.TemporaryDirectory(prefix="gpt_image_schema_") as out:
        subprocess.run([args.writer, out], check=True)
        manifest = json.loads((pathlib.Path(out) / "manifest.json").read_text())
        if len(manifest) < 5:
            print(f"FAIL: the writer produced only {len(manifest)} bodies")
            return 1
        for entry in manifest:
            root = entry["schema"]
            body = (pathlib.Path(out) / entry["file"]).read_bytes()
            try:
                if not entry["url"].endswith(ENDPOINTS[root]):
                    raise ValueError(f"sent to {entry['url']}, expected {ENDPOINTS[root]}")
                if entry["content_type"] == "application/json":
                    instance = json.loads(body)
                else:
                    instance = multipart_as_object(defs, root,
                                                   parse_multipart(body, entry["content_type"]))
            except ValueError as e:
                print(f"FAIL {entry['name']}: {e}")
                failures += 1
                continue
            errors = errors_of(validators[root], instance)
            for error in errors:
                print(f"FAIL {entry['name']} ({root}) at /{'/'.join(map(str, error.absolute_path))}: "
                      f"{error.message}")
            failures += bool(errors)
            if not errors:
                print(f"ok   {entry['name']} ({root})")

    # Negative controls: each must be rejected, or the check above proves nothing.
    controls = [
        ("CreateImageRequest", {"prompt": "x", "n": 11}),
        ("CreateImageRequest", {"prompt": "x", "quality": "ultra"}),
        ("CreateImageRequest", {"prompt": "x", "qualty": "high"}),
        ("CreateImageRequest", {"prompt": "x", "n": "1"}),
        ("CreateImageRequest", {"model": "gpt-image-2"}),
        ("EditImageBodyJsonParam", {"prompt": "x", "images": [{"url": "https://a/b.png"}]}),
        ("EditImageBodyJsonParam", {"prompt": "x", "images": [{"image_url": "https://a/b.png"}],
                                    "size": "2048x2048"}),
        ("CreateImageEditRequest", {"prompt": "x", "image": ["<binary>"], "moderation": "low"}),
    ]
    for root, instance in controls:
        if errors_of(validators[root], copy.deepcopy(instance)):
            print(f"ok   control rejected: {root} {json.dumps(instance)}")
        else:
            print(f"FAIL control accepted: {root} {json.dumps(instance)}")
            failures += 1
    # nullable mapping: a null where the spec says nullable is accepted.
    if errors_of(validators["CreateImageRequest"], {"prompt": "x", "n": None, "size": None}):
        print("FAIL nullable fields reject null")
        failures += 1

    print(f"check_openai_schema: {'FAILED' if failures else 'passed'} ({failures} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
