import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Keeps restdatasource-bom in step with the build: the BOM has no parent (an imported BOM would bring its parent's
 * whole dependencyManagement), so it repeats the version and the version properties of the root pom. This check
 * fails, naming each difference, when the BOM's version or one of its properties differs from the root pom's.
 *
 * <p>Run by exec-maven-plugin in the BOM module's validate phase, with the JDK's source launcher:
 * {@code java BomCheck.java <root pom.xml> <bom pom.xml>}.
 */
public final class BomCheck {
    private BomCheck() {
    }

    /** Compares the two poms; exits with status 1 on a difference. */
    public static void main(String[] args) throws Exception {
        Element root = read(Path.of(args[0]));
        Element bom = read(Path.of(args[1]));
        List<String> problems = new ArrayList<>();
        String rootVersion = child(root, "version");
        String bomVersion = child(bom, "version");
        if (!bomVersion.equals(rootVersion)) {
            problems.add("version: BOM " + bomVersion + ", root pom " + rootVersion);
        }
        Map<String, String> rootProperties = properties(root);
        properties(bom).forEach((name, value) -> {
            String expected = rootProperties.get(name);
            if (!value.equals(expected)) {
                problems.add(name + ": BOM " + value + ", root pom " + (expected == null ? "(not set)" : expected));
            }
        });
        if (!problems.isEmpty()) {
            System.err.println("restdatasource-bom differs from the root pom.xml; make them equal:");
            problems.forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
    }

    private static Element read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }

    private static Map<String, String> properties(Element project) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("properties")) {
                for (Node p = e.getFirstChild(); p != null; p = p.getNextSibling()) {
                    if (p instanceof Element property) {
                        properties.put(property.getTagName(), property.getTextContent().trim());
                    }
                }
            }
        }
        return properties;
    }
}
