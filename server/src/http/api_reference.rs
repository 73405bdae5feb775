//! [`reference_page`]: the OpenAPI document as a page a person reads at `GET /api/docs`,
//! rendered once at start-up, plain HTML with one inline style sheet: no script, nothing
//! fetched from elsewhere. Every operation, grouped by tag, with its parameters, body
//! and answers; then every schema as the document spells it.

use serde_json::Value;
use std::fmt::Write;
use utoipa::openapi::OpenApi as Document;

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;\
padding:1rem;color:#222}h1{margin-bottom:0}h2{border-bottom:2px solid #c0392b;margin-top:2.5rem}\
section{border:1px solid #ddd;border-radius:6px;padding:.25rem 1rem;margin:1rem 0}\
.method{display:inline-block;min-width:4.5rem;font-weight:700;color:#fff;background:#555;\
border-radius:4px;text-align:center;margin-right:.5rem}.get{background:#2471a3}\
.post{background:#1e8449}.put{background:#b9770e}.delete{background:#c0392b}\
table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #eee;padding:.25rem;\
text-align:left;vertical-align:top}code,pre{font-family:ui-monospace,monospace;font-size:.9em}\
pre{background:#f6f6f6;padding:.5rem;overflow-x:auto}.lock{color:#b9770e}";

/// The whole page.
pub(crate) fn reference_page(document: &Document) -> String {
    let doc = serde_json::to_value(document).unwrap_or_default();
    let mut page = String::with_capacity(64 * 1024);
    let title = text(&doc["info"]["title"]);
    let _ = write!(
        page,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} reference</title><style>{STYLE}</style></head><body>\
         <h1>{title}</h1><p>{}</p><p>Machine-readable: \
         <a href=\"/api/openapi.json\">/api/openapi.json</a> (OpenAPI {}).</p>",
        text(&doc["info"]["description"]),
        text(&doc["openapi"]),
    );
    page.push_str("<nav aria-label=\"Tags\"><ul>");
    for tag in list(&doc["tags"]) {
        let name = text(&tag["name"]);
        let _ = write!(page, "<li><a href=\"#tag-{name}\">{name}</a></li>");
    }
    page.push_str("<li><a href=\"#schemas\">schemas</a></li></ul></nav>");
    for tag in list(&doc["tags"]) {
        tag_section(&mut page, &doc, tag);
    }
    page.push_str("<h2 id=\"schemas\">Schemas</h2>");
    if let Some(schemas) = doc["components"]["schemas"].as_object() {
        for (name, schema) in schemas {
            let name = escape(name);
            let _ = write!(
                page,
                "<section id=\"schema-{name}\"><h3>{name}</h3><pre>{}</pre></section>",
                pretty(schema)
            );
        }
    }
    page.push_str("</body></html>");
    page
}

/// A tag's heading, description and operations.
fn tag_section(page: &mut String, doc: &Value, tag: &Value) {
    let name = text(&tag["name"]);
    let _ = write!(
        page,
        "<h2 id=\"tag-{name}\">{name}</h2><p>{}</p>",
        text(&tag["description"])
    );
    let Some(paths) = doc["paths"].as_object() else {
        return;
    };
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (method, operation) in item {
            let tagged = list(&operation["tags"]).any(|t| t.as_str() == tag["name"].as_str());
            if tagged {
                operation_section(page, method, path, operation);
            }
        }
    }
}

/// One operation: method, path, what it does, its parameters, body and answers.
fn operation_section(page: &mut String, method: &str, path: &str, operation: &Value) {
    let secured = list(&operation["security"]).next().is_some();
    let lock = if secured {
        " <span class=\"lock\">(signed in)</span>"
    } else {
        ""
    };
    let _ = write!(
        page,
        "<section id=\"{id}\"><h3><span class=\"method {method}\">{upper}</span>\
         <code>{path}</code>{lock}</h3><p>{summary}</p><p>{description}</p>",
        id = text(&operation["operationId"]),
        method = escape(method),
        upper = escape(&method.to_uppercase()),
        path = escape(path),
        summary = text(&operation["summary"]),
        description = text(&operation["description"]),
    );
    if list(&operation["parameters"]).next().is_some() {
        page.push_str(
            "<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th>\
             <th>what</th></tr>",
        );
        for parameter in list(&operation["parameters"]) {
            let required = if parameter["required"] == Value::Bool(true) {
                " (required)"
            } else {
                ""
            };
            let _ = write!(
                page,
                "<tr><td><code>{}</code>{required}</td><td>{}</td><td><code>{}</code></td>\
                 <td>{}</td></tr>",
                text(&parameter["name"]),
                text(&parameter["in"]),
                schema_name(&parameter["schema"]),
                text(&parameter["description"]),
            );
        }
        page.push_str("</table>");
    }
    if let Some(content) = operation["requestBody"]["content"].as_object() {
        page.push_str("<h4>Body</h4><ul>");
        for (media, body) in content {
            let _ = write!(
                page,
                "<li><code>{}</code>: <code>{}</code></li>",
                escape(media),
                schema_name(&body["schema"])
            );
        }
        page.push_str("</ul>");
    }
    page.push_str("<h4>Answers</h4><table>");
    if let Some(responses) = operation["responses"].as_object() {
        for (status, answer) in responses {
            let bodies: Vec<String> = answer["content"]
                .as_object()
                .map(|content| {
                    content
                        .values()
                        .map(|c| schema_name(&c["schema"]))
                        .collect()
                })
                .unwrap_or_default();
            let _ = write!(
                page,
                "<tr><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
                escape(status),
                text(&answer["description"]),
                bodies.join(", "),
            );
        }
    }
    page.push_str("</table></section>");
}

/// A schema in a few words: a link to a named one, `[T]` for arrays, else its type.
fn schema_name(schema: &Value) -> String {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = escape(reference.rsplit('/').next().unwrap_or(reference));
        return format!("<a href=\"#schema-{name}\">{name}</a>");
    }
    if schema["type"] == "array" {
        return format!("[{}]", schema_name(&schema["items"]));
    }
    if let Some(one_of) = schema["oneOf"].as_array() {
        let names: Vec<String> = one_of.iter().map(schema_name).collect();
        return names.join(" | ");
    }
    match &schema["type"] {
        Value::Array(types) => types.iter().map(text).collect::<Vec<_>>().join(" | "),
        Value::Null => String::new(),
        kind => text(kind),
    }
}

/// The items of a JSON array, or none.
fn list(value: &Value) -> impl Iterator<Item = &Value> {
    value.as_array().into_iter().flatten()
}

/// A JSON string (or other scalar) as escaped HTML text; nothing for null.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => escape(s),
        Value::Null => String::new(),
        other => escape(&other.to_string()),
    }
}

fn pretty(value: &Value) -> String {
    escape(&serde_json::to_string_pretty(value).unwrap_or_default())
}

fn escape(raw: &str) -> String {
    let mut escaped = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_the_document_is_escaped() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn a_schema_reads_as_a_link_an_array_or_a_type() {
        let reference = serde_json::json!({"$ref": "#/components/schemas/MenuItem"});
        assert_eq!(
            schema_name(&reference),
            "<a href=\"#schema-MenuItem\">MenuItem</a>"
        );
        let array = serde_json::json!({"type": "array", "items": {"type": "string"}});
        assert_eq!(schema_name(&array), "[string]");
        let nullable = serde_json::json!({"type": ["integer", "null"]});
        assert_eq!(schema_name(&nullable), "integer | null");
    }
}
