package jtorch.kernel;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The javadoc of tensor-core's public API. The build writes it for each class of package
 * {@code jtorch} ({@link JavadocIndexWriter}, at {@code process-classes}) to
 * {@code /jtorch-javadoc/X.properties} in the kernel jar, so the first {@code ?torch.tensor} of a
 * session reads a small file instead of parsing a 3,000-line source with javac (~0.3 s in a fresh
 * kernel). Without that file (classes built otherwise) the class's source bundled in the jar
 * ({@code /jtorch-sources/jtorch/X.java}) is parsed with javac's tree API on first use. Keys:
 * {@code Class#member(ParamType,...)} with simple type names, and {@code Class} for the class
 * comment.
 */
final class JavadocIndex {
    private static final String ROOT = "/jtorch-sources/jtorch/";
    private static final String PREBUILT = "/jtorch-javadoc/";
    private static final Pattern MEMBER = Pattern.compile("([\\w$]+)\\.([\\w$]+)\\s*(\\(([^)]*)\\))?\\s*$");

    private final Map<String, Map<String, String>> byClass = new ConcurrentHashMap<>();

    /** The javadoc for a JShell documentation signature such as {@code Tensor torch.ones(int... size)}. */
    Optional<String> forSignature(String signature) {
        String head = signature.replaceAll("<[^<>]*>", "");
        int paren = head.indexOf('(');
        String beforeParams = paren < 0 ? head : head.substring(0, paren);
        String params = paren < 0 ? null : head.substring(paren + 1, Math.max(paren + 1, head.lastIndexOf(')')));
        Matcher m = MEMBER.matcher(beforeParams + (params == null ? "" : "(" + params + ")"));
        if (!m.find()) {
            return Optional.empty();
        }
        String owner = m.group(1);
        String name = m.group(2);
        Map<String, String> docs = classDocs(owner);
        if (params == null) {
            return Optional.ofNullable(docs.get(owner + "#" + name));
        }
        String key = owner + "#" + name + "(" + normalizeParams(params, true) + ")";
        String doc = docs.get(key);
        if (doc == null) {
            String prefix = owner + "#" + name + "(";
            doc = docs.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        return Optional.ofNullable(doc);
    }

    /** The class comment of {@code jtorch.<simpleName>}. */
    Optional<String> forClass(String simpleName) {
        return Optional.ofNullable(classDocs(simpleName).get(simpleName));
    }

    private Map<String, String> classDocs(String simpleName) {
        return byClass.computeIfAbsent(simpleName, name -> prebuilt(name).orElseGet(() -> parse(name)));
    }

    /** The docs of class {@code simpleName} as the build wrote them, if it did. */
    static Optional<Map<String, String>> prebuilt(String simpleName) {
        try (InputStream in = JavadocIndex.class.getResourceAsStream(PREBUILT + simpleName + ".properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> docs = new HashMap<>();
            p.stringPropertyNames().forEach(key -> docs.put(key, p.getProperty(key)));
            return Optional.of(docs);
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    /**
     * Writes {@code outDir/X.properties} for each {@code X.java} in {@code sourceDir} (package
     * {@code jtorch}) that has javadoc: what {@link #parse} finds in it.
     *
     * @return the number of classes written
     */
    static int write(Path sourceDir, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        int written = 0;
        try (DirectoryStream<Path> sources = Files.newDirectoryStream(sourceDir, "*.java")) {
            for (Path source : sources) {
                String name = source.getFileName().toString().replaceFirst("\\.java$", "");
                Map<String, String> docs = parse(name, Files.readString(source, StandardCharsets.UTF_8));
                if (docs.isEmpty()) {
                    continue;
                }
                Properties p = new Properties();
                p.putAll(docs);
                StringWriter text = new StringWriter();
                p.store(text, null);
                // without store's date line, so that an unchanged source gives the same bytes
                String body = text.toString().lines().filter(l -> !l.startsWith("#")).sorted()
                        .collect(Collectors.joining("\n", "", "\n"));
                Files.writeString(outDir.resolve(name + ".properties"), body, StandardCharsets.UTF_8);
                written++;
            }
        }
        return written;
    }

    /** {@code "int[] a, double b"} or {@code "int[], double"} to {@code "int[],double"}. */
    static String normalizeParams(String params, boolean named) {
        if (params.isBlank()) {
            return "";
        }
        List<String> types = new ArrayList<>();
        for (String p : params.split(",")) {
            String t = p.strip();
            if (named && t.contains(" ")) {
                t = t.substring(0, t.lastIndexOf(' ')).strip();
            }
            types.add(simpleType(t));
        }
        return String.join(",", types);
    }

    private static String simpleType(String type) {
        String t = type.replaceAll("<.*>", "").replace("...", "[]").replace(" ", "");
        int dot = t.lastIndexOf('.', t.indexOf('[') < 0 ? t.length() : t.indexOf('['));
        return dot < 0 ? t : t.substring(dot + 1);
    }

    /** The docs of class {@code simpleName} parsed from its source bundled in the jar. */
    static Map<String, String> parse(String simpleName) {
        try (InputStream in = JavadocIndex.class.getResourceAsStream(ROOT + simpleName + ".java")) {
            if (in == null) {
                return Map.of();
            }
            return parse(simpleName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException ex) {
            return Map.of();
        }
    }

    private static Map<String, String> parse(String simpleName, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return Map.of();
        }
        SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + simpleName + ".java"),
                SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(file));
        DocTrees trees = DocTrees.instance(task);
        Map<String, String> docs = new HashMap<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree node, String owner) {
                        String name = node.getSimpleName().toString();
                        put(docs, name, trees.getDocCommentTree(getCurrentPath()));
                        return super.visitClass(node, name);
                    }

                    @Override
                    public Void visitMethod(MethodTree node, String owner) {
                        if (isPublic(node.getModifiers().getFlags())) {
                            String params = node.getParameters().stream().map(p -> simpleType(p.getType().toString()))
                                    .collect(Collectors.joining(","));
                            put(docs, owner + "#" + node.getName() + "(" + params + ")",
                                    trees.getDocCommentTree(getCurrentPath()));
                        }
                        return null;
                    }

                    @Override
                    public Void visitVariable(VariableTree node, String owner) {
                        if (owner != null && isPublic(node.getModifiers().getFlags())) {
                            put(docs, owner + "#" + node.getName(), trees.getDocCommentTree(getCurrentPath()));
                        }
                        return null;
                    }
                }.scan(unit, null);
            }
        } catch (IOException | RuntimeException ex) {
            return Map.of();
        }
        return docs;
    }

    private static boolean isPublic(java.util.Set<Modifier> flags) {
        return flags.contains(Modifier.PUBLIC);
    }

    private static void put(Map<String, String> docs, String key, DocCommentTree doc) {
        if (doc != null) {
            docs.putIfAbsent(key, plain(doc));
        }
    }

    /** Javadoc as plain text: inline tags unwrapped, HTML dropped, block tags as labelled lines. */
    static String plain(DocCommentTree doc) {
        StringBuilder sb = new StringBuilder();
        sb.append(inline(doc.getFullBody().stream().map(Object::toString).collect(Collectors.joining())));
        List<String> params = new ArrayList<>();
        List<String> others = new ArrayList<>();
        doc.getBlockTags().forEach(tag -> {
            String text = inline(tag.toString()).strip();
            if (text.startsWith("@param")) {
                params.add("  " + text.substring(6).strip());
            } else if (text.startsWith("@return")) {
                others.add("Returns: " + text.substring(7).strip());
            } else if (text.startsWith("@throws")) {
                others.add("Throws: " + text.substring(7).strip());
            } else if (!text.startsWith("@see") && !text.startsWith("@since")) {
                others.add(text);
            }
        });
        if (!params.isEmpty()) {
            sb.append("\n\nParameters:\n").append(String.join("\n", params));
        }
        if (!others.isEmpty()) {
            sb.append("\n\n").append(String.join("\n", others));
        }
        return sb.toString().strip();
    }

    static String inline(String text) {
        return text.replaceAll("\\{@(?:code|literal)\\s+([^{}]*)}", "$1")
                .replaceAll("\\{@(?:link|linkplain)\\s+#?([^\\s{}]+)(?:\\s+([^{}]*))?}", "$1")
                .replaceAll("(?i)</?(p|ul|ol|li|pre|br)\\s*/?>", "\n")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n");
    }
}
