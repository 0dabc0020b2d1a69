package dev.restdatasource.internal.codegen;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates, into an application that has a {@code @GraphQLApi} class, one exception class per data-source error
 * code, so that SmallRye GraphQL (also the one inside Open Liberty's {@code mpGraphQL-2.0}) reports an exact
 * {@code extensions.code} such as {@code NOT_FOUND}.
 *
 * <p>SmallRye takes the code from {@code @io.smallrye.graphql.api.ErrorCode} only on the exact class of the thrown
 * exception, and Liberty indexes only the application's {@code WEB-INF/classes}, not its library jars (see
 * docs/liberty-graphql-errors.md). So the classes must be compiled with the application: for each constant of
 * {@link dev.restdatasource.ErrorCode} this processor writes {@code dev.restdatasource.graphql.codes.<Name>}
 * ({@link ErrorCodeClasses#className}), which extends {@link dev.restdatasource.DataSourceException}, carries
 * {@code @ErrorCode("<CODE>")} and has a public {@code (String message, DataSourceException cause)} constructor.
 * restdatasource-impl's {@code GraphQLErrorMapper} throws them at the data-source boundary.
 *
 * <p>It runs when a compilation contains a type annotated {@code org.eclipse.microprofile.graphql.GraphQLApi},
 * generates once per compilation, and needs {@code io.smallrye.graphql.api.ErrorCode} on the compile classpath
 * ({@code io.smallrye:smallrye-graphql-api}, scope {@code provided}); without it, it prints a note saying so and
 * generates nothing. Registered in restdatasource-api's {@code META-INF/services/javax.annotation.processing.Processor},
 * so javac finds it on the compile classpath whatever the scope of restdatasource-impl; a build that lists
 * {@code annotationProcessorPaths}, or a JDK 23+ javac (which no longer runs processors found on the classpath by
 * default), must name {@code restdatasource-api} there or pass {@code -proc:full}. When the classes are missing at run
 * time anyway, impl's {@code ErrorCodeCheck} logs an error at deployment naming these fixes.
 */
@SupportedAnnotationTypes(ErrorCodeProcessor.GRAPHQL_API)
public final class ErrorCodeProcessor extends AbstractProcessor {
    /** The annotation whose presence triggers generation. */
    static final String GRAPHQL_API = "org.eclipse.microprofile.graphql.GraphQLApi";
    /** SmallRye's annotation that gives an exception class its GraphQL error code. */
    static final String SMALLRYE_ERROR_CODE = "io.smallrye.graphql.api.ErrorCode";
    private static final String DATA_SOURCE_EXCEPTION = "dev.restdatasource.DataSourceException";
    private static final String ERROR_CODES = "dev.restdatasource.ErrorCode";

    private boolean done;

    /** Called by javac through {@link java.util.ServiceLoader}. */
    public ErrorCodeProcessor() {
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (done || annotations.isEmpty()) {
            return false;
        }
        TypeElement graphQLApi = processingEnv.getElementUtils().getTypeElement(GRAPHQL_API);
        if (graphQLApi == null) {
            return false;
        }
        Set<? extends Element> apis = round.getElementsAnnotatedWith(graphQLApi);
        if (apis.isEmpty()) {
            return false;
        }
        done = true;
        if (processingEnv.getElementUtils().getTypeElement(SMALLRYE_ERROR_CODE) == null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "restdatasource: " + SMALLRYE_ERROR_CODE
                    + " is not on the compile classpath, so no exception classes with exact GraphQL error codes were"
                    + " generated (data-source errors get SmallRye's default code, 'data-source'). To get codes such as"
                    + " NOT_FOUND and UNAUTHENTICATED, add the dependency io.smallrye:smallrye-graphql-api with scope"
                    + " provided (the version of your server's SmallRye GraphQL; 1.0.26 on Open Liberty mpGraphQL-2.0).");
            return false;
        }
        if (processingEnv.getElementUtils().getTypeElement(DATA_SOURCE_EXCEPTION) == null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, "restdatasource: " + DATA_SOURCE_EXCEPTION
                    + " is not on the compile classpath; add restdatasource-api to generate the error-code classes");
            return false;
        }
        Element[] origins = apis.toArray(new Element[0]);
        for (String code : codes()) {
            generate(code, origins);
        }
        return false;
    }

    /** The constants of {@code dev.restdatasource.ErrorCode} as compiled against, else as this jar knows them. */
    private List<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        TypeElement type = processingEnv.getElementUtils().getTypeElement(ERROR_CODES);
        if (type != null) {
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                if (field.getKind() == ElementKind.FIELD && field.getConstantValue() instanceof String value
                        && field.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)) {
                    codes.add(value);
                }
            }
        }
        if (codes.isEmpty()) {
            codes.addAll(ErrorCodeClasses.codes());
        }
        return new ArrayList<>(codes);
    }

    private void generate(String code, Element[] origins) {
        String simpleName = ErrorCodeClasses.simpleName(code);
        String qualifiedName = ErrorCodeClasses.PACKAGE + "." + simpleName;
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(qualifiedName, origins);
            try (Writer out = file.openWriter()) {
                out.write(source(code, simpleName));
            }
        } catch (FilerException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "restdatasource: " + qualifiedName
                    + " already exists in this compilation; not generated again (" + e.getMessage() + ")");
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "restdatasource: cannot write "
                    + qualifiedName + ": " + e);
        }
    }

    /** Returns the source of the class for {@code code}. */
    static String source(String code, String simpleName) {
        String literal = code.replace("\\", "\\\\").replace("\"", "\\\"");
        return "package " + ErrorCodeClasses.PACKAGE + ";\n"
                + "\n"
                + "/**\n"
                + " * A data-source failure reported to GraphQL clients with {@code extensions.code} " + literal + ".\n"
                + " *\n"
                + " * <p>Generated by restdatasource's {@code ErrorCodeProcessor} because this application has a\n"
                + " * {@code @GraphQLApi}; the library throws it in place of a {@code DataSourceException} with this code.\n"
                + " * The URL and body of the upstream answer stay available to server-side code ({@link #url()},\n"
                + " * {@link #body()}); the message is the one chosen for clients.\n"
                + " */\n"
                + "@javax.annotation.processing.Generated(\"dev.restdatasource.internal.codegen.ErrorCodeProcessor\")\n"
                + "@io.smallrye.graphql.api.ErrorCode(\"" + literal + "\")\n"
                + "public final class " + simpleName + " extends dev.restdatasource.DataSourceException {\n"
                + "    private static final long serialVersionUID = 1L;\n"
                + "\n"
                + "    /**\n"
                + "     * @param message the message shown to GraphQL clients\n"
                + "     * @param cause   the failure whose code, status, status text, URL and body this one keeps\n"
                + "     */\n"
                + "    public " + simpleName + "(String message, dev.restdatasource.DataSourceException cause) {\n"
                + "        super(message, cause.code(), cause.status(), cause.statusText(), cause.url(), cause.body(), cause);\n"
                + "    }\n"
                + "}\n";
    }
}
