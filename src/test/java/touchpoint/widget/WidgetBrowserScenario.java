package touchpoint.widget;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The setup the widget's browser tests share: the whole service on a random port with the scripted knowledge
 * base, whose keyword replies make every answer, clarify and fallback in a UI test predictable. Combine with
 * {@link BrowserTestSupport} for the browser; a test about the real engine's answers does not use this.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@MicronautTest
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@interface WidgetBrowserScenario {
}
