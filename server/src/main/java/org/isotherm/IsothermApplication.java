package org.isotherm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** Entry point: with no database URL configured this starts the whole platform on an embedded PostgreSQL. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class IsothermApplication {

    public static void main(String[] args) {
        SpringApplication.run(IsothermApplication.class, args);
    }
}
