package cn.zwgk.assistant.wechat;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads WeChat's flat {@code <xml>} envelopes into a map. DTDs and entities are refused outright,
 * so XXE and entity expansion never reach a parser that would honour them. Control characters
 * that XML 1.0 forbids but a citizen's message may contain are kept rather than failing the
 * whole message: they are parked in a private-use plane while parsing and restored afterwards.
 */
final class SafeXml {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();
    /** Forbidden control character c is parked as code point PARKED + c (Supplementary PUA-A). */
    private static final int PARKED = 0xF0000;

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private SafeXml() {
    }

    /** The text of each direct child of the root element; throws {@link BadMessageException}. */
    static Map<String, String> parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new BadMessageException("empty body");
        }
        Map<String, String> fields = new HashMap<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(park(xml)));
            int depth = 0;
            String current = null;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                         XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new BadMessageException("DOCTYPE and entities are not accepted");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth == 2) {
                            current = reader.getLocalName();
                            text.setLength(0);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                         XMLStreamConstants.SPACE -> {
                        if (depth == 2) {
                            text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 2 && current != null) {
                            fields.put(current, restore(text));
                            current = null;
                        }
                        depth--;
                    }
                    default -> {
                    }
                }
            }
            return fields;
        } catch (XMLStreamException e) {
            throw new BadMessageException("malformed XML", e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    private static boolean forbidden(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    private static String park(String xml) {
        StringBuilder out = null;
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (forbidden(c)) {
                if (out == null) {
                    out = new StringBuilder(xml.length() + 16).append(xml, 0, i);
                }
                out.appendCodePoint(PARKED + c);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? xml : out.toString();
    }

    private static String restore(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp >= PARKED && cp < PARKED + 0x20) {
                out.append((char) (cp - PARKED));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
