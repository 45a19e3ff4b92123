package app.physioportal.bench.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The client's copy of a Vaadin Flow UI's state tree, as flow-client keeps it: state nodes by id, each
 * with its features (tag, properties, attributes, children, event listeners, text), built only from the
 * {@code changes} of UIDL responses. Node 1 is the UI's body; what is reachable from it is on the page.
 */
final class UiTree {

    // Feature ids, as com.vaadin.flow.internal.nodefeature.NodeFeatures numbers them.
    static final int ELEMENT_DATA = 0;
    static final int ELEMENT_PROPERTIES = 1;
    static final int ELEMENT_CHILDREN = 2;
    static final int ELEMENT_ATTRIBUTES = 3;
    static final int ELEMENT_LISTENERS = 4;
    static final int TEXT_NODE = 7;
    static final int CLASS_LIST = 11;
    static final int VIRTUAL_CHILDREN = 24;

    /** One state node. Fields are only read and written by the one virtual user owning the tree. */
    static final class Node {
        final int id;
        String tag;
        String text;
        final Map<String, JsonNode> properties = new HashMap<>();
        final Map<String, String> attributes = new HashMap<>();
        final List<Integer> children = new ArrayList<>();
        final List<Integer> virtualChildren = new ArrayList<>();
        /** DOM event type -> key of the constant holding the event data expressions. */
        final Map<String, String> listeners = new HashMap<>();
        final List<String> classes = new ArrayList<>();

        Node(int id) {
            this.id = id;
        }

        String id() {
            return attributes.get("id");
        }

        String attribute(String name) {
            return attributes.get(name);
        }

        @Override
        public String toString() {
            return "node " + id + " <" + tag + (id() == null ? "" : " id=" + id()) + ">";
        }
    }

    private final Map<Integer, Node> nodes = new HashMap<>();

    UiTree() {
        clear();
    }

    /** A new page: only the root node (the UI, bound to body) exists before the first changes, as in flow-client. */
    void clear() {
        nodes.clear();
        nodes.put(1, new Node(1));
    }

    int size() {
        return nodes.size();
    }

    Node node(int id) {
        return nodes.get(id);
    }

    /** Applies one entry of a UIDL response's {@code changes}; an inconsistency is a protocol error. */
    void apply(JsonNode change) {
        String type = change.path("type").asString();
        int id = change.path("node").asInt(-1);
        if (id < 0) {
            throw new VaadinClient.ProtocolException("change without node: " + change);
        }
        switch (type) {
            case "attach" -> nodes.putIfAbsent(id, new Node(id));
            case "detach" -> nodes.remove(id);
            case "empty" -> {
                // Only makes the feature exist; nothing to keep.
            }
            case "put" -> put(require(id, change), change);
            case "remove" -> remove(require(id, change), change);
            case "splice" -> splice(require(id, change), change);
            case "clear" -> clearList(require(id, change), change.path("feat").asInt());
            default -> throw new VaadinClient.ProtocolException("unknown change type " + type + ": " + change);
        }
    }

    private Node require(int id, JsonNode change) {
        Node node = nodes.get(id);
        if (node == null) {
            throw new VaadinClient.ProtocolException("change for a node that is not attached: " + change);
        }
        return node;
    }

    private static void put(Node node, JsonNode change) {
        int feature = change.path("feat").asInt();
        String key = change.path("key").asString();
        JsonNode value = change.has("value") ? change.get("value") : change.get("nodeValue");
        switch (feature) {
            case ELEMENT_DATA -> {
                if ("tag".equals(key)) {
                    node.tag = value.asString();
                }
            }
            case ELEMENT_PROPERTIES -> node.properties.put(key, value);
            case ELEMENT_ATTRIBUTES -> node.attributes.put(key, value.isString() ? value.asString() : value.toString());
            case ELEMENT_LISTENERS -> node.listeners.put(key, value.asString());
            case TEXT_NODE -> {
                if ("text".equals(key)) {
                    node.text = value.asString();
                }
            }
            default -> {
                // Style, push and loading-indicator settings and the like: nothing a user acts on.
            }
        }
    }

    private static void remove(Node node, JsonNode change) {
        String key = change.path("key").asString();
        switch (change.path("feat").asInt()) {
            case ELEMENT_PROPERTIES -> node.properties.remove(key);
            case ELEMENT_ATTRIBUTES -> node.attributes.remove(key);
            case ELEMENT_LISTENERS -> node.listeners.remove(key);
            default -> {
            }
        }
    }

    private static void splice(Node node, JsonNode change) {
        int feature = change.path("feat").asInt();
        int index = change.path("index").asInt();
        int removeCount = change.path("remove").asInt(0);
        if (feature == ELEMENT_CHILDREN || feature == VIRTUAL_CHILDREN) {
            List<Integer> list = feature == ELEMENT_CHILDREN ? node.children : node.virtualChildren;
            spliceList(list, index, removeCount, change);
            if (change.has("addNodes")) {
                int at = index;
                for (JsonNode added : change.get("addNodes")) {
                    list.add(at++, added.asInt());
                }
            }
        } else if (feature == CLASS_LIST) {
            spliceList(node.classes, index, removeCount, change);
            if (change.has("add")) {
                int at = index;
                for (JsonNode added : change.get("add")) {
                    node.classes.add(at++, added.asString());
                }
            }
        }
    }

    private static void spliceList(List<?> list, int index, int removeCount, JsonNode change) {
        if (index < 0 || index + removeCount > list.size()) {
            throw new VaadinClient.ProtocolException("splice out of range (size " + list.size() + "): " + change);
        }
        list.subList(index, index + removeCount).clear();
    }

    private static void clearList(Node node, int feature) {
        switch (feature) {
            case ELEMENT_CHILDREN -> node.children.clear();
            case VIRTUAL_CHILDREN -> node.virtualChildren.clear();
            case CLASS_LIST -> node.classes.clear();
            default -> {
            }
        }
    }

    /** Node ids on the page: reachable from the body through children and virtual children. */
    Set<Integer> reachable() {
        Set<Integer> seen = new HashSet<>();
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(1);
        while (!todo.isEmpty()) {
            int id = todo.pop();
            Node node = nodes.get(id);
            if (node == null || !seen.add(id)) {
                continue;
            }
            node.children.forEach(todo::push);
            node.virtualChildren.forEach(todo::push);
        }
        return seen;
    }

    List<Node> findAll(Predicate<Node> condition) {
        List<Node> found = new ArrayList<>();
        for (int id : reachable()) {
            Node node = nodes.get(id);
            if (condition.test(node)) {
                found.add(node);
            }
        }
        found.sort((a, b) -> Integer.compare(a.id, b.id));
        return found;
    }

    Optional<Node> findById(String elementId) {
        List<Node> found = findAll(n -> elementId.equals(n.id()));
        if (found.size() > 1) {
            throw new VaadinClient.ProtocolException("id " + elementId + " is on " + found.size() + " elements");
        }
        return found.stream().findFirst();
    }

    /** The text a browser would show for the node: its own text node and its children's, in order. */
    String textContent(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text, 0);
        return text.toString().strip();
    }

    private void appendText(Node node, StringBuilder text, int depth) {
        if (node == null || depth > 200) {
            return;
        }
        if (node.text != null) {
            text.append(node.text);
        }
        for (int child : node.children) {
            appendText(nodes.get(child), text, depth + 1);
        }
    }

    Collection<Node> all() {
        return nodes.values();
    }
}
