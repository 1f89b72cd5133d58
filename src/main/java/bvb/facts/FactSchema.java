package bvb.facts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Set;

/** Generates the JSON Schema of fact files from the fact records, so schema and loader never drift. */
public final class FactSchema {
  private static final ObjectMapper M = new ObjectMapper();

  private FactSchema() {}

  public static ObjectNode generate() {
    ObjectNode root = object(FactSet.class);
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://bvb.local/facts.schema.json");
    root.put("title", "bvb workload fact file");
    root.putArray("required").add("workload");
    ObjectNode range = root.putObject("$defs").putObject("costRange");
    range.put("description", "A cost input given as a range: decided at mode when given, else at (low + high) / 2; "
        + "bvb sensitivity and bvb simulate vary it (triangular on low/mode/high, uniform without mode). low <= mode <= high, all >= 0.");
    range.put("type", "object");
    range.put("additionalProperties", false);
    range.putArray("required").add("low").add("high");
    ObjectNode rp = range.putObject("properties");
    for (String f : new String[] {"low", "mode", "high"}) {
      rp.putObject(f).put("type", "number").put("minimum", 0);
    }
    return root;
  }

  private static ObjectNode object(Class<?> record) {
    ObjectNode n = M.createObjectNode();
    n.put("type", "object");
    Doc doc = record.getAnnotation(Doc.class);
    if (doc != null) {
      n.put("description", doc.value());
    }
    n.put("additionalProperties", false);
    ObjectNode props = n.putObject("properties");
    for (RecordComponent c : record.getRecordComponents()) {
      JsonProperty jp = c.getAccessor().getAnnotation(JsonProperty.class);
      String name = jp != null && !jp.value().isEmpty() ? jp.value() : c.getName();
      ObjectNode p = type(c.getGenericType());
      Doc d = c.getAnnotation(Doc.class);
      if (d != null) {
        p.put("description", d.value());
      }
      props.set(name, p);
    }
    return n;
  }

  private static ObjectNode type(Type t) {
    ObjectNode n = M.createObjectNode();
    if (t instanceof ParameterizedType pt && pt.getRawType() == Set.class) {
      n.put("type", "array");
      n.put("uniqueItems", true);
      n.set("items", type(pt.getActualTypeArguments()[0]));
      return n;
    }
    Class<?> c = (Class<?>) t;
    if (c == Answer.class) {
      n.put("description", "true, false, or null / \"unknown\" when not known");
      ArrayNode any = n.putArray("enum");
      any.add(true).add(false).addNull().add("unknown");
    } else if (c == String.class) {
      n.put("type", "string");
    } else if (c == Long.class || c == Integer.class) {
      n.put("type", "integer");
      n.put("minimum", 0);
    } else if (c == Double.class) {
      n.put("type", "number");
      n.put("minimum", 0);
    } else if (c.isEnum()) {
      n.put("type", "string");
      ArrayNode values = n.putArray("enum");
      for (Object v : c.getEnumConstants()) {
        values.add(((Enum<?>) v).name());
      }
    } else if (c == Workload.class) {
      ObjectNode w = object(c);
      ArrayNode anyOf = w.putArray("anyOf");
      for (String f : new String[] {"tokensPerMonth", "tokensPerDay", "requestsPerDay"}) {
        anyOf.addObject().putArray("required").add(f);
      }
      return w;
    } else if (c == bvb.tco.TcoInputs.class) {
      n.put("type", "object");
      n.put("description", "TCO cost lines: see the README section 'TCO' and facts-samples/tco/ for the full shape; checked strictly when read. "
          + "Every non-integer number in this section is either a number or a range, {\"low\": .., \"high\": .., \"mode\": ..} (#/$defs/costRange).");
    } else if (c.isRecord()) {
      return object(c);
    } else {
      throw new IllegalStateException("no schema mapping for " + c);
    }
    return n;
  }
}
