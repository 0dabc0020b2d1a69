package dev.restdatasource.internal.restclient;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the class file of an interface made only of abstract methods, with the runtime-visible annotations of the
 * interface, of each method and of each parameter given as the {@link Annotation} instances reflection returns (every
 * element written with its value, defaults included). The methods may have generic signatures built of classes,
 * parameterized types, wildcards and arrays; a type variable, or a parameterized type inside a generic outer type,
 * is refused with {@link UnsupportedOperationException}. The file has no code, so it is written in the Java 8
 * format (no stack maps). Not thread-safe: one writer per file.
 */
final class InterfaceFile {
    private static final int MAGIC = 0xCAFEBABE;
    private static final int JAVA_8 = 52;
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_ABSTRACT = 0x0400;
    private static final int ACC_INTERFACE = 0x0200;

    /** One abstract method of the interface. */
    record MethodSpec(String name, Type returnType, Type[] parameterTypes, Class<?>[] exceptionTypes,
            Annotation[] annotations, Annotation[][] parameterAnnotations) {
    }

    private final ByteArrayOutputStream constants = new ByteArrayOutputStream();
    private final DataOutputStream pool = new DataOutputStream(constants);
    private final Map<String, Integer> indexes = new HashMap<>();
    private int next = 1;

    private InterfaceFile() {
    }

    /**
     * Returns the class file of interface {@code binaryName} (dots between packages), public or package-private.
     *
     * @throws UnsupportedOperationException when a signature holds a type that cannot be written
     */
    static byte[] write(String binaryName, boolean isPublic, Annotation[] annotations, List<MethodSpec> methods) {
        try {
            return new InterfaceFile().bytes(binaryName, isPublic, annotations, methods);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams only
        }
    }

    private byte[] bytes(String binaryName, boolean isPublic, Annotation[] annotations, List<MethodSpec> methods)
            throws IOException {
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(bodyBytes);
        body.writeShort((isPublic ? ACC_PUBLIC : 0) | ACC_INTERFACE | ACC_ABSTRACT);
        body.writeShort(classRef(binaryName.replace('.', '/')));
        body.writeShort(classRef("java/lang/Object"));
        body.writeShort(0); // no super-interfaces
        body.writeShort(0); // no fields
        body.writeShort(methods.size());
        for (MethodSpec method : methods) {
            writeMethod(body, method);
        }
        writeAttributes(body, annotations.length == 0 ? List.of() : List.of(annotationsAttribute(annotations)));
        body.flush();
        pool.flush();

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeInt(MAGIC);
        out.writeShort(0);
        out.writeShort(JAVA_8);
        out.writeShort(next);
        constants.writeTo(out);
        bodyBytes.writeTo(out);
        out.flush();
        return file.toByteArray();
    }

    private void writeMethod(DataOutputStream out, MethodSpec method) throws IOException {
        out.writeShort(ACC_PUBLIC | ACC_ABSTRACT);
        out.writeShort(utf8(method.name()));
        StringBuilder descriptor = new StringBuilder("(");
        StringBuilder signature = new StringBuilder("(");
        boolean generic = !(method.returnType() instanceof Class);
        for (Type parameter : method.parameterTypes()) {
            descriptor.append(erasure(parameter).descriptorString());
            signature.append(signature(parameter));
            generic |= !(parameter instanceof Class);
        }
        descriptor.append(')').append(erasure(method.returnType()).descriptorString());
        signature.append(')').append(signature(method.returnType()));
        out.writeShort(utf8(descriptor.toString()));

        List<byte[]> attributes = new ArrayList<>();
        if (generic) {
            attributes.add(attribute("Signature", data -> data.writeShort(utf8(signature.toString()))));
        }
        if (method.exceptionTypes().length > 0) {
            attributes.add(attribute("Exceptions", data -> {
                data.writeShort(method.exceptionTypes().length);
                for (Class<?> exception : method.exceptionTypes()) {
                    data.writeShort(classRef(exception.getName().replace('.', '/')));
                }
            }));
        }
        if (method.annotations().length > 0) {
            attributes.add(annotationsAttribute(method.annotations()));
        }
        boolean parameterAnnotations = false;
        for (Annotation[] annotations : method.parameterAnnotations()) {
            parameterAnnotations |= annotations.length > 0;
        }
        if (parameterAnnotations) {
            attributes.add(attribute("RuntimeVisibleParameterAnnotations", data -> {
                data.writeByte(method.parameterAnnotations().length);
                for (Annotation[] annotations : method.parameterAnnotations()) {
                    data.writeShort(annotations.length);
                    for (Annotation annotation : annotations) {
                        writeAnnotation(data, annotation);
                    }
                }
            }));
        }
        writeAttributes(out, attributes);
    }

    private byte[] annotationsAttribute(Annotation[] annotations) throws IOException {
        return attribute("RuntimeVisibleAnnotations", data -> {
            data.writeShort(annotations.length);
            for (Annotation annotation : annotations) {
                writeAnnotation(data, annotation);
            }
        });
    }

    private static void writeAttributes(DataOutputStream out, List<byte[]> attributes) throws IOException {
        out.writeShort(attributes.size());
        for (byte[] attribute : attributes) {
            out.write(attribute);
        }
    }

    /** Writes the content {@code body} writes, behind the attribute's name and length. */
    private byte[] attribute(String name, Content body) throws IOException {
        ByteArrayOutputStream contentBytes = new ByteArrayOutputStream();
        DataOutputStream content = new DataOutputStream(contentBytes);
        body.write(content);
        content.flush();
        ByteArrayOutputStream attributeBytes = new ByteArrayOutputStream();
        DataOutputStream attribute = new DataOutputStream(attributeBytes);
        attribute.writeShort(utf8(name));
        attribute.writeInt(contentBytes.size());
        contentBytes.writeTo(attribute);
        attribute.flush();
        return attributeBytes.toByteArray();
    }

    private void writeAnnotation(DataOutputStream out, Annotation annotation) throws IOException {
        Class<? extends Annotation> type = annotation.annotationType();
        out.writeShort(utf8(type.descriptorString()));
        Method[] elements = type.getDeclaredMethods();
        List<Method> written = new ArrayList<>();
        for (Method element : elements) {
            if (element.getParameterCount() == 0 && !element.isSynthetic()) {
                written.add(element);
            }
        }
        out.writeShort(written.size());
        for (Method element : written) {
            out.writeShort(utf8(element.getName()));
            writeValue(out, element.getReturnType(), valueOf(annotation, element));
        }
    }

    private static Object valueOf(Annotation annotation, Method element) {
        try {
            element.setAccessible(true); // an annotation type of another package may be package-private
            return element.invoke(annotation);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new UnsupportedOperationException("Cannot read " + element + " of " + annotation, e);
        }
    }

    private void writeValue(DataOutputStream out, Class<?> type, Object value) throws IOException {
        if (type.isArray()) {
            out.writeByte('[');
            int length = Array.getLength(value);
            out.writeShort(length);
            for (int i = 0; i < length; i++) {
                writeValue(out, type.getComponentType(), Array.get(value, i));
            }
        } else if (type == String.class) {
            out.writeByte('s');
            out.writeShort(utf8((String) value));
        } else if (type == Class.class) {
            out.writeByte('c');
            out.writeShort(utf8(((Class<?>) value).descriptorString()));
        } else if (type.isEnum()) {
            out.writeByte('e');
            out.writeShort(utf8(type.descriptorString()));
            out.writeShort(utf8(((Enum<?>) value).name()));
        } else if (type.isAnnotation()) {
            out.writeByte('@');
            writeAnnotation(out, (Annotation) value);
        } else {
            writePrimitive(out, type, value);
        }
    }

    private void writePrimitive(DataOutputStream out, Class<?> type, Object value) throws IOException {
        out.writeByte(type.descriptorString().charAt(0));
        if (type == long.class) {
            out.writeShort(constant("J" + value, 5, data -> data.writeLong((Long) value)));
        } else if (type == double.class) {
            out.writeShort(constant("D" + Double.doubleToRawLongBits((Double) value), 6,
                    data -> data.writeDouble((Double) value)));
        } else if (type == float.class) {
            out.writeShort(constant("F" + Float.floatToRawIntBits((Float) value), 4,
                    data -> data.writeFloat((Float) value)));
        } else {
            int number = value instanceof Boolean b ? (b ? 1 : 0)
                    : value instanceof Character c ? c : ((Number) value).intValue();
            out.writeShort(constant("I" + number, 3, data -> data.writeInt(number)));
        }
    }

    private int utf8(String text) throws IOException {
        return constant("U" + text, 1, data -> data.writeUTF(text));
    }

    private int classRef(String internalName) throws IOException {
        int name = utf8(internalName);
        return constant("C" + internalName, 7, data -> data.writeShort(name));
    }

    /** Returns the pool index of a constant, adding it first (tag, then what {@code body} writes) when new. */
    private int constant(String key, int tag, Content body) throws IOException {
        Integer known = indexes.get(key);
        if (known != null) {
            return known;
        }
        int index = next;
        pool.writeByte(tag);
        body.write(pool);
        next += tag == 5 || tag == 6 ? 2 : 1; // a long or double takes two slots
        if (next > 0xFFFF) {
            throw new UnsupportedOperationException("Too many constants");
        }
        indexes.put(key, index);
        return index;
    }

    /** Returns the erased class of a type a signature may hold. */
    static Class<?> erasure(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType a) {
            return erasure(a.getGenericComponentType()).arrayType();
        }
        throw new UnsupportedOperationException("Type not supported in a generated interface: " + type);
    }

    /** Returns the type's signature (JVMS 4.7.9.1). */
    static String signature(Type type) {
        if (type instanceof Class<?> c) {
            return c.descriptorString();
        }
        if (type instanceof GenericArrayType a) {
            return "[" + signature(a.getGenericComponentType());
        }
        if (type instanceof ParameterizedType p) {
            if (p.getOwnerType() instanceof ParameterizedType) {
                throw new UnsupportedOperationException("Type not supported in a generated interface: " + type);
            }
            StringBuilder s = new StringBuilder("L").append(((Class<?>) p.getRawType()).getName().replace('.', '/')).append('<');
            for (Type argument : p.getActualTypeArguments()) {
                s.append(argument(argument));
            }
            return s.append(">;").toString();
        }
        throw new UnsupportedOperationException("Type not supported in a generated interface: " + type);
    }

    private static String argument(Type type) {
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "-" + signature(w.getLowerBounds()[0]);
            }
            Type[] upper = w.getUpperBounds();
            return upper.length == 0 || upper[0] == Object.class ? "*" : "+" + signature(upper[0]);
        }
        return signature(type);
    }

    /** Writes part of the file. */
    @FunctionalInterface
    private interface Content {
        void write(DataOutputStream out) throws IOException;
    }
}
