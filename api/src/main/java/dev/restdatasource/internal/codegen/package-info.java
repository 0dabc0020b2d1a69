/**
 * Compile-time generation of the application's GraphQL error-code classes: {@link
 * dev.restdatasource.internal.codegen.ErrorCodeProcessor}, an annotation processor registered in this jar's {@code
 * META-INF/services/javax.annotation.processing.Processor}, writes one {@code @ErrorCode} exception class per code into
 * an application that has a {@code @GraphQLApi}; {@link dev.restdatasource.internal.codegen.ErrorCodeClasses} names
 * them for the processor and for restdatasource-impl, which throws them.
 *
 * <p>It lives in restdatasource-api, not impl, because api is the one jar every application compiles against: with
 * restdatasource-impl at {@code runtime} scope javac never sees impl, so a processor there would not run and the
 * classes would be missing from the WAR without a word.
 *
 * <p>Who may import it: nobody outside this project; it is internal. Compatibility: none; api and impl are used at the
 * same version.
 */
package dev.restdatasource.internal.codegen;
