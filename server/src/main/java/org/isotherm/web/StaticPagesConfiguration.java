package org.isotherm.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Short paths for the bundled pages: ReDoc, and the pages behind the links in account e-mails. */
@Configuration(proxyBeanMethods = false)
class StaticPagesConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/redoc", "/redoc/index.html");
        for (var page : List.of("confirm", "reset-password", "accept-invitation")) {
            registry.addViewController("/ui/" + page).setViewName("forward:/ui/" + page + ".html");
        }
    }
}
