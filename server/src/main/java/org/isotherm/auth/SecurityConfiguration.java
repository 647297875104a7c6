package org.isotherm.auth;

import java.nio.charset.StandardCharsets;
import org.isotherm.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * One stateless chain: bearer tokens and API keys, every endpoint authenticated unless listed public, the admin
 * API for operators only, and every refusal in the API's error shape.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Reachable without credentials: login and account flows, API docs, health, and the web UI's static files. */
    static final String[] PUBLIC = {
        "/token",
        "/auth/**",
        "/docs",
        "/docs/**",
        "/redoc",
        "/redoc/**",
        "/openapi.json",
        "/openapi.json/**",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/error",
        "/",
        "/ui/**",
        "/favicon.ico",
        "/files/**"
    };

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Credentials credentials) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .cors(cors -> {})
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new CallerAuthenticationFilter(credentials), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole(Role.OPERATOR.name())
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            var failure = request.getAttribute(CallerAuthenticationFilter.FAILURE_ATTRIBUTE);
                            response.setStatus(401);
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            write(
                                    response,
                                    failure instanceof String detail
                                            ? detail
                                            : BadCredentialsException.NOT_AUTHENTICATED);
                        })
                        .accessDeniedHandler(forbidden()))
                .build();
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            response.setStatus(403);
            write(response, "Not enough permissions");
        };
    }

    private static void write(jakarta.servlet.http.HttpServletResponse response, String detail)
            throws java.io.IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        var json = "{\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(WebProperties web) {
        var source = new UrlBasedCorsConfigurationSource();
        if (web.corsAllowedOrigins().isEmpty()) {
            return source;
        }
        var cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(web.corsAllowedOrigins());
        cors.addAllowedMethod("*");
        cors.addAllowedHeader("*");
        cors.addExposedHeader(HttpHeaders.CONTENT_DISPOSITION);
        cors.addExposedHeader(HttpHeaders.LOCATION);
        cors.addExposedHeader(HttpHeaders.RETRY_AFTER);
        cors.setMaxAge(3600L);
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
