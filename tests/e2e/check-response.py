#!/usr/bin/env python3
"""Checks one HTTP response against an errorcontract.json, independently of the package's own reading of it.

usage: check-response.py CONTRACT STATUS HEADERS_FILE BODY_FILE
  HEADERS_FILE: the response headers as curl -D writes them; BODY_FILE: the response body.
Prints one line per problem and exits 1 when there is one; on success prints "ok STATUS CODE" (CODE: the body's
error code, or "-"), which the end-to-end test collects to check that every documented error was answered.

usage: check-response.py --coverage CONTRACT OK_LINES_FILE
  Prints each documented error (an error status, and each of its codes when it has several) that no "ok" line
  answered, and exits 1 when there is one.
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def headers_of(path):
    headers = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if ":" in line and not line.startswith("HTTP/"):
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
    return headers


def codes_for(contract, status):
    """Every code value the contract allows for the status (typeBase applied to relative problem types)."""
    entry = contract.get("statuses", {}).get(str(status), {})
    codes = []
    if "errorCode" in entry:
        codes.append(entry["errorCode"])
    codes.extend(entry.get("errorCodes", []))
    for code, item in contract.get("codes", {}).items():
        if item.get("status") == status:
            codes.append(code)
    base = contract.get("errorBody", {}).get("typeBase")
    if base:
        codes = [c if (":" in str(c)) else base + str(c) for c in codes]
    return [str(c) for c in codes]


def fields_of(contract):
    body = contract.get("errorBody", {})
    fields = dict(body.get("fields", {}))
    if body.get("format") == "problemDetails":
        for name, kind in (("type", "string"), ("title", "string"), ("status", "integer"), ("detail", "string"), ("instance", "string")):
            fields.setdefault(name, {"type": kind, "required": name in ("type", "title", "status")})
        fields["status"] = dict(fields["status"], equalsStatus=True)
    return fields


def type_ok(value, kind):
    return {
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "array": isinstance(value, list),
        "object": isinstance(value, dict),
    }.get(kind, True)


def check_object(value, fields, open_object, status, path, required_here, problems):
    if not isinstance(value, dict):
        problems.append(f"{path or 'the body'} is not a JSON object")
        return
    for name, field in fields.items():
        statuses = field.get("statuses")
        allowed = not statuses or status in statuses
        full = path + name
        if allowed and (field.get("required") or full in required_here) and name not in value:
            problems.append(f"missing required field {full}")
    for name, item in value.items():
        full = path + name
        field = fields.get(name)
        if field is None or (field.get("statuses") and status not in field["statuses"]):
            if not open_object:
                problems.append(f"field {full} is not documented for {status}")
            continue
        if "type" in field and not type_ok(item, field["type"]):
            problems.append(f"field {full} is not of type {field['type']}")
        if "const" in field and item != field["const"]:
            problems.append(f"field {full} is {item!r}, not the constant {field['const']!r}")
        if field.get("enum") and item not in field["enum"]:
            problems.append(f"field {full} is {item!r}, not one of {field['enum']!r}")
        if field.get("equalsStatus") and item != status:
            problems.append(f"field {full} is {item!r}, not the status {status}")
        if isinstance(item, dict) and "fields" in field:
            check_object(item, field["fields"], field.get("additionalFields", False), status, full + ".", required_here, problems)


def coverage(contract_path, ok_path):
    contract = load(contract_path)
    with open(ok_path, encoding="utf-8") as f:
        answered = {tuple(line.split()[1:3]) for line in f if line.startswith("ok ")}
    missing = []
    for status_text in contract.get("statuses", {}):
        status = int(status_text)
        if status < 400:
            continue
        codes = codes_for(contract, status) if (contract.get("errorBody", {}).get("codeField") or contract.get("errorBody", {}).get("format") == "problemDetails") else []
        wanted = [(status_text, code) for code in dict.fromkeys(codes)] if len(set(codes)) > 1 else None
        if wanted:
            missing.extend(f"{s} {c}" for s, c in wanted if (s, c) not in answered)
        elif not any(s == status_text for s, _ in answered):
            missing.append(status_text)
    for item in missing:
        print(f"no response answered {item}")
    return 1 if missing else 0


def main():
    if sys.argv[1] == "--coverage":
        return coverage(sys.argv[2], sys.argv[3])
    contract_path, status_text, headers_path, body_path = sys.argv[1:5]
    contract = load(contract_path)
    status = int(status_text)
    problems = []
    entry = contract.get("statuses", {}).get(str(status))
    if entry is None:
        print(f"status {status} is not documented by the contract")
        return 1

    headers = headers_of(headers_path)
    body_spec = contract.get("errorBody", {})
    expected_type = body_spec.get("contentType") or ("application/problem+json" if body_spec.get("format") == "problemDetails" else "application/json")
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != expected_type.lower():
        problems.append(f"content type {content_type or '(none)'} is not {expected_type}")
    for name, header in entry.get("headers", {}).items():
        if header.get("required", True) and name.lower() not in headers:
            problems.append(f"missing header {name}")

    with open(body_path, encoding="utf-8") as f:
        text = f.read()
    try:
        body = json.loads(text)
    except ValueError:
        print(f"the body is not JSON: {text[:200]!r}")
        return 1

    fields = fields_of(contract)
    validation = body_spec.get("validation")
    if validation and status not in validation.get("statuses", []):
        fields = {k: v for k, v in fields.items() if k != validation["field"]}
    check_object(body, fields, body_spec.get("additionalFields", False), status, "", set(entry.get("requiredFields", [])), problems)
    if validation and status in validation.get("statuses", []) and isinstance(body, dict) and isinstance(body.get(validation["field"]), list):
        for item in body[validation["field"]]:
            missing = [f for f in validation.get("itemFields", []) if not isinstance(item, dict) or f not in item]
            if missing:
                problems.append(f"a {validation['field']} item lacks {', '.join(missing)}")

    code = "-"
    code_field = body_spec.get("codeField") or ("type" if body_spec.get("format") == "problemDetails" else None)
    allowed = codes_for(contract, status)
    if code_field and allowed:
        value = body
        for segment in code_field.split(".") if code_field not in fields else [code_field]:
            value = value.get(segment) if isinstance(value, dict) else None
        code = str(value)
        if code not in allowed:
            problems.append(f"code {code} is not one the contract documents for {status} ({', '.join(allowed)})")

    for problem in problems:
        print(problem)
    if not problems:
        print(f"ok {status} {code}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
