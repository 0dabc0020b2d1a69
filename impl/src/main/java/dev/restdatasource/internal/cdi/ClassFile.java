package dev.restdatasource.internal.cdi;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The few facts {@link DataSourceClasses} reads from a compiled class, without loading or running anything: which
 * methods its code calls by name and descriptor (the constant pool's method references), and the string literal a
 * method returns when its whole body is {@code return "literal";}. Reads class files of any version up to Java 17's
 * layout of the constant pool (tags 1 to 20). Immutable and thread-safe.
 */
final class ClassFile {
    private static final int UTF8 = 1;
    private static final int STRING = 8;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int LDC = 0x12;
    private static final int LDC_W = 0x13;
    private static final int ARETURN = 0xB0;

    private final int[] tags;
    private final Object[] entries; // Utf8: String; String: Integer (its Utf8); *ref and NameAndType: int[2]
    private final int[][] methodNames; // per method: { name index, descriptor index }
    private final byte[][] methodCode; // per method: its bytecode, or null (abstract, native)

    private ClassFile(int[] tags, Object[] entries, int[][] methodNames, byte[][] methodCode) {
        this.tags = tags;
        this.entries = entries;
        this.methodNames = methodNames;
        this.methodCode = methodCode;
    }

    /**
     * Reads the class file of {@code type} through its class loader; empty when the loader does not hand out class
     * files as resources or the bytes are not a class file this reader understands.
     */
    static Optional<ClassFile> of(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in == null ? Optional.empty() : Optional.of(parse(in.readAllBytes()));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Parses a class file.
     *
     * @throws IllegalArgumentException when {@code bytes} is not a class file or uses a constant this reader does not
     *                                  know
     */
    static ClassFile parse(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            int[] tags = new int[count];
            Object[] entries = new Object[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case UTF8 -> entries[i] = in.readUTF();
                    case 3, 4 -> in.readInt(); // Integer, Float
                    case 5, 6 -> { // Long, Double: two slots
                        in.readLong();
                        i++;
                    }
                    case 7, 16, 19, 20 -> in.readUnsignedShort(); // Class, MethodType, Module, Package
                    case STRING -> entries[i] = in.readUnsignedShort();
                    case 9, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, 17, 18 -> // refs, NameAndType, (Invoke)Dynamic
                        entries[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                    case 15 -> { // MethodHandle
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IllegalArgumentException("unknown constant tag " + tag);
                }
            }
            in.readUnsignedShort(); // access flags
            in.readUnsignedShort(); // this class
            in.readUnsignedShort(); // super class
            in.skipBytes(2 * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
            int methodCount = in.readUnsignedShort();
            int[][] names = new int[methodCount][];
            byte[][] code = new byte[methodCount][];
            for (int m = 0; m < methodCount; m++) {
                in.readUnsignedShort(); // access flags
                names[m] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = (String) entries[in.readUnsignedShort()];
                    int length = in.readInt();
                    if ("Code".equals(attribute)) {
                        in.skipBytes(4); // max stack, max locals
                        byte[] body = new byte[in.readInt()];
                        in.readFully(body);
                        code[m] = body;
                        in.skipBytes(length - 8 - body.length);
                    } else {
                        in.skipBytes(length);
                    }
                }
            }
            return new ClassFile(tags, entries, names, code);
        } catch (IOException | ClassCastException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a class file this reader understands: " + e, e);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipBytes(in.readInt());
        }
    }

    /** Whether the class's code calls a method named {@code name} with {@code descriptor} (of any class). */
    boolean calls(String name, String descriptor) {
        for (int i = 1; i < tags.length; i++) {
            if ((tags[i] == METHOD_REF || tags[i] == INTERFACE_METHOD_REF)
                    && entries[((int[]) entries[i])[1]] instanceof int[] nameAndType
                    && name.equals(entries[nameAndType[0]]) && descriptor.equals(entries[nameAndType[1]])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the string literal that method {@code name} with {@code descriptor} returns when its whole body is
     * {@code return "literal";} (a constant field counts: the compiler writes its value in place); empty for any
     * other body, or when the class declares no such method.
     */
    Optional<String> returnedLiteral(String name, String descriptor) {
        for (int m = 0; m < methodNames.length; m++) {
            if (name.equals(entries[methodNames[m][0]]) && descriptor.equals(entries[methodNames[m][1]])) {
                return literal(methodCode[m]);
            }
        }
        return Optional.empty();
    }

    private Optional<String> literal(byte[] code) {
        int index;
        if (code != null && code.length == 3 && (code[0] & 0xFF) == LDC && (code[2] & 0xFF) == ARETURN) {
            index = code[1] & 0xFF;
        } else if (code != null && code.length == 4 && (code[0] & 0xFF) == LDC_W && (code[3] & 0xFF) == ARETURN) {
            index = (code[1] & 0xFF) << 8 | code[2] & 0xFF;
        } else {
            return Optional.empty();
        }
        return index < tags.length && tags[index] == STRING ? Optional.of((String) entries[(Integer) entries[index]])
                : Optional.empty();
    }
}
