package org.isotherm.aoi;

import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes sizes the way the guide (and Python's {@code json}) prints them, {@code 4728768008.0} rather than Java's
 * {@code 4.728768008E9}: the same number, but clients and people comparing against the guide see the same text.
 */
class PlainNumberSerializer extends ValueSerializer<Double> {

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializationContext context) {
        if (value.isNaN() || value.isInfinite()) {
            gen.writeNumber(value);
            return;
        }
        var text = BigDecimal.valueOf(value).toPlainString();
        gen.writeNumber(text.indexOf('.') < 0 ? text + ".0" : text);
    }
}
