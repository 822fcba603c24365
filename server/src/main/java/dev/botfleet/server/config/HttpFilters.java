package dev.botfleet.server.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import tools.jackson.databind.json.JsonMapper;

/**
 * Filters guarding the HTTP edge. They run before Spring Security (order -100) so that even requests the security
 * chain would reject get their headers, and malformed requests never reach code that would turn them into a 500.
 */
@Configuration(proxyBeanMethods = false)
public class HttpFilters {
    /** First of all, so every answer (including the other filters' refusals) carries the headers. */
    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> bean = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    @Bean
    FilterRegistrationBean<QueryEncodingFilter> queryEncodingFilter(JsonMapper json) {
        FilterRegistrationBean<QueryEncodingFilter> bean = new FilterRegistrationBean<>(new QueryEncodingFilter(json));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }

    @Bean
    FilterRegistrationBean<MediaTypeFilter> mediaTypeFilter(JsonMapper json) {
        FilterRegistrationBean<MediaTypeFilter> bean = new FilterRegistrationBean<>(new MediaTypeFilter(json));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
        return bean;
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(BotfleetProperties properties, JsonMapper json) {
        BodySizeFilter filter = new BodySizeFilter(properties.http().maxBody().toBytes(),
                properties.http().maxUploadBody().toBytes(), json);
        FilterRegistrationBean<BodySizeFilter> bean = new FilterRegistrationBean<>(filter);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return bean;
    }
}
