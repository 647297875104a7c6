package org.isotherm.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;

/** Settings of the application's one JsonMapper beyond what application.yml can say. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /**
     * Numbers through Jackson's Schubfach writer and FastDoubleParser instead of the JDK's: coordinates are most of
     * what STAC items and geometries carry, and the JDK's {@code Double.toString} was 5% of a bulk load's CPU.
     */
    @Bean
    JsonMapperBuilderCustomizer fastNumbers() {
        return builder -> builder.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER);
    }
}
