package dev.brook.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Like {@link ParameterTool}, but a key may be given several times ({@code --input a --input b}).
 */
public class MultipleParameterTool extends ParameterTool {

    private static final long serialVersionUID = 1L;

    private final Map<String, List<String>> multiData;

    private MultipleParameterTool(Map<String, List<String>> multiData) {
        super(lastOf(multiData));
        this.multiData = multiData;
    }

    public static MultipleParameterTool fromArgs(String[] args) {
        return parse(args);
    }

    static MultipleParameterTool parse(String[] args) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            String key;
            if (arg.startsWith("--")) {
                key = arg.substring(2);
            } else if (arg.startsWith("-") && arg.length() > 1 && !isNumber(arg)) {
                key = arg.substring(1);
            } else {
                throw new IllegalArgumentException(
                        "Error parsing arguments '"
                                + String.join(" ", args)
                                + "': expected a key like --name, got '"
                                + arg
                                + "'.");
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException("An argument key is empty: '" + arg + "'");
            }
            i++;
            String value = NO_VALUE_KEY;
            if (i < args.length && (!args[i].startsWith("-") || isNumber(args[i]))) {
                value = args[i];
                i++;
            }
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return new MultipleParameterTool(values);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, String> lastOf(Map<String, List<String>> multi) {
        Map<String, String> last = new HashMap<>();
        multi.forEach((k, v) -> last.put(k, v.get(v.size() - 1)));
        return last;
    }

    Map<String, String> lastValues() {
        return data;
    }

    /** All values given for {@code key}, in order, or null when it was not given. */
    public Collection<String> getMultiParameter(String key) {
        return multiData.get(key);
    }

    public Collection<String> getMultiParameterRequired(String key) {
        Collection<String> v = multiData.get(key);
        if (v == null) {
            throw new java.util.NoSuchElementException(
                    "No value for required parameter '--" + key + "'");
        }
        return v;
    }
}
