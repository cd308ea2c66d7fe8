package io.rectify.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ChainHash#canonical} writes RFC 8785 itself; every chain written before it did so was hashed over
 * {@code JsonCanonicalizer}'s bytes of Jackson's text of the same tree. The two must agree byte for byte,
 * or those chains would stop verifying: checked here on hand-picked edge cases and on 20,000 random trees.
 */
class ChainHashCanonicalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static String reference(JsonNode node) throws Exception {
        return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedString();
    }

    private static void same(JsonNode node) throws Exception {
        assertEquals(reference(node), ChainHash.canonical(node), () -> "tree " + node);
    }

    @Test
    void edgeCasesMatchTheLibrary() throws Exception {
        same(JSON.readTree("""
                {"b":1,"a":[true,false,null,{"z":"\\u0000\\u001f\\b\\t\\n\\f\\r\\"\\\\/ \\u007f\\u2028\\ud83d\\ude00"}],
                 "\\u00e9":"é","A":-0.0,"num":[0,-1,1.5,1e21,1e-7,123456789012345678901234567890,9007199254740993,
                 0.1,-2.5e-300,1.7976931348623157e308,4.9e-324,100,1.0]}"""));
        ObjectNode o = NODES.objectNode();
        o.put("big", new BigDecimal("12345.678900"));
        o.put("bigint", new BigInteger("-98765432109876543210"));
        o.put("long", Long.MIN_VALUE);
        o.put("surrogate", "\ud800x\udfff");
        o.put("\ud83d\ude00", "key sorted by UTF-16 units");
        o.put("\uff61", "after the surrogate pair's first unit? no: U+FF61 > U+D83D");
        same(o);
        same(NODES.objectNode());
        same(NODES.arrayNode());
    }

    @Test
    void randomTreesMatchTheLibrary() throws Exception {
        SplittableRandom random = new SplittableRandom(8785);
        for (int i = 0; i < 20_000; i++) {
            // the library takes an object or an array at the root, as every chain document is
            ObjectNode root = NODES.objectNode();
            root.set("entry", tree(random, 0));
            same(root);
        }
    }

    private static JsonNode tree(SplittableRandom r, int depth) {
        int kind = depth >= 4 ? 2 + r.nextInt(5) : r.nextInt(7);
        switch (kind) {
            case 0 -> {
                ObjectNode o = NODES.objectNode();
                for (int n = r.nextInt(6); n > 0; n--) {
                    o.set(text(r), tree(r, depth + 1));
                }
                return o;
            }
            case 1 -> {
                ArrayNode a = NODES.arrayNode();
                for (int n = r.nextInt(6); n > 0; n--) {
                    a.add(tree(r, depth + 1));
                }
                return a;
            }
            case 2 -> {
                return NODES.textNode(text(r));
            }
            case 3 -> {
                return switch (r.nextInt(5)) {
                    case 0 -> NODES.numberNode(r.nextLong());
                    case 1 -> NODES.numberNode(r.nextInt(2000) - 1000);
                    case 2 -> NODES.numberNode(Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1));
                    case 3 -> NODES.numberNode(new BigInteger(100, new java.util.Random(r.nextLong())));
                    default -> NODES.numberNode(new BigDecimal(r.nextLong()).movePointLeft(r.nextInt(20)));
                };
            }
            case 4 -> {
                return NODES.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
            }
            case 5 -> {
                return NODES.booleanNode(r.nextBoolean());
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }

    /** Text from every range that escapes differently: controls, quote, backslash, ASCII, Latin, CJK, surrogates. */
    private static String text(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        for (int n = r.nextInt(12); n > 0; n--) {
            s.append(switch (r.nextInt(8)) {
                case 0 -> (char) r.nextInt(0x20);
                case 1 -> r.nextBoolean() ? '"' : '\\';
                case 2 -> (char) (0x20 + r.nextInt(0x60));
                case 3 -> (char) (0x80 + r.nextInt(0x780));
                case 4 -> (char) (0x4e00 + r.nextInt(0x5000));
                case 5 -> (char) (0xd800 + r.nextInt(0x800)); // lone surrogates, either half
                case 6 -> (char) (0xe000 + r.nextInt(0x2000));
                default -> "安全隐患整改".charAt(r.nextInt(6));
            });
        }
        return s.toString();
    }
}
