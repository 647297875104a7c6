package org.isotherm.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns a bean-validation property path such as {@code orders[0].startDate} into a 422 {@code loc}. */
final class FieldPaths {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private FieldPaths() {}

    static List<Object> toJson(String field) {
        var loc = new ArrayList<Object>();
        var matcher = SEGMENT.matcher(field);
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                loc.add(snakeCase(matcher.group(1)));
            } else {
                loc.add(Integer.parseInt(matcher.group(2)));
            }
        }
        return loc;
    }

    static String snakeCase(String name) {
        var out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
