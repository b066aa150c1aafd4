package org.chorus.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;

/**
 * Counts the SQL statements the current thread sends (MockMvc runs requests on the test's thread), so tests can
 * check that a page runs a bounded number of queries whatever the amount of data.
 */
@TestComponent
public class QueryCounter implements BeanPostProcessor {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<java.util.List<String>> SQL = ThreadLocal.withInitial(java.util.ArrayList::new);

    public static void reset() {
        COUNT.get()[0] = 0;
        SQL.get().clear();
    }

    /** The SQL counted since the last {@link #reset()}, one statement per line: what a failing count shows. */
    public static String statements() {
        return String.join("\n", SQL.get());
    }

    public static int count() {
        return COUNT.get()[0];
    }

    /**
     * The SQL a public page runs when it is rendered, not served from the page cache: rendered once (so one-time work,
     * like a first look-up, is not counted), then again after making the cache stale, and counted.
     */
    public static int rendering(
            org.springframework.test.web.servlet.MockMvc mvc, org.chorus.shared.web.PublicPageCache cache, String path)
            throws Exception {
        cache.invalidate();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path));
        cache.invalidate();
        reset();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk());
        return count();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, a) -> {
                var result = invoke(m, dataSource, a);
                return result instanceof Connection c ? counting(c) : result;
            });
        }
        return bean;
    }

    private static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                QueryCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                    if (m.getName().equals("prepareStatement")
                            || m.getName().equals("createStatement")
                            || m.getName().equals("prepareCall")) {
                        COUNT.get()[0]++;
                        SQL.get()
                                .add(
                                        a == null || a.length == 0
                                                ? m.getName()
                                                : String.valueOf(a[0]).strip());
                    }
                    return invoke(m, connection, a);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
