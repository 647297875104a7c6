package org.isotherm.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.isotherm.web.ErrorBody;
import org.isotherm.web.WebProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.HandlerMapping;

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
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            Credentials credentials,
            AuthProperties auth,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> routes)
            throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .cors(cors -> {})
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new CallerAuthenticationFilter(credentials, auth.anonymousStacRead()),
                        AnonymousAuthenticationFilter.class)
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
                            var unrouted = unrouted(routes.getObject(), request);
                            if (unrouted != null) {
                                ErrorBody.write(request, response, unrouted.value(), unrouted.getReasonPhrase());
                                return;
                            }
                            var failure = request.getAttribute(CallerAuthenticationFilter.FAILURE_ATTRIBUTE);
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            ErrorBody.write(
                                    request,
                                    response,
                                    401,
                                    failure instanceof String detail
                                            ? detail
                                            : BadCredentialsException.NOT_AUTHENTICATED);
                        })
                        .accessDeniedHandler(forbidden()))
                .build();
    }

    /**
     * As in FastAPI, routing comes before authentication: an unknown path is a 404 and a wrong method a 405 whether
     * or not credentials came with it. Null when the request has a route, so that the 401 stands.
     */
    private static @Nullable HttpStatus unrouted(HandlerMapping routes, HttpServletRequest request) {
        try {
            return routes.getHandler(request) == null ? HttpStatus.NOT_FOUND : null;
        } catch (HttpRequestMethodNotSupportedException e) {
            return HttpStatus.METHOD_NOT_ALLOWED;
        } catch (Exception e) {
            return null;
        }
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> ErrorBody.write(request, response, 403, "Not enough permissions");
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
