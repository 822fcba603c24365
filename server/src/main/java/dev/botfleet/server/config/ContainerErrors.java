package dev.botfleet.server.config;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Installs {@link ProblemErrorReportValve} as the Tomcat host's error report, in place of the HTML one (Spring Boot
 * adds a plain {@link ErrorReportValve} to the host through a context customizer; ours runs after it and swaps it).
 * The host is also told our class is its error valve, or it would add a default one again when it starts.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return new ValveCustomizer();
    }

    static final class ValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
                Pipeline pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) pipeline.removeValve(valve);
                }
                pipeline.addValve(new ProblemErrorReportValve());
            });
        }

        /** After Boot's own Tomcat customizer, whose context customizer adds the valve we replace. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
