package com.acme.web.sessions;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded Jetty 12 shop on 127.0.0.1. Each request to /cart opens an HTTP session and stores the visitor's
 * Cart (with a 16 KB recently-viewed snapshot) in it. The load generator is a bot that keeps no cookies, so every
 * request makes a new session; sessions time out after 30 minutes and are never invalidated, so they pile up:
 * ~20 sessions/s, ~17 KB each. Requests are bounded: at most 20/s for at most 10 minutes.
 */
public class CartServer {

    static final class CartItem implements Serializable {
        final String sku;
        final int quantity;
        final long unitCents;

        CartItem(String sku, int quantity, long unitCents) {
            this.sku = sku;
            this.quantity = quantity;
            this.unitCents = unitCents;
        }
    }

    static final class Cart implements Serializable {
        final List<CartItem> items = new ArrayList<>();
        final byte[] recentlyViewed = new byte[16 * 1024];
        long totalCents;
    }

    static final class CartServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            HttpSession session = req.getSession(true);
            Cart cart = (Cart) session.getAttribute("cart");
            if (cart == null) {
                cart = new Cart();
                ThreadLocalRandom.current().nextBytes(cart.recentlyViewed);
                session.setAttribute("cart", cart);
            }
            String sku = req.getParameter("sku");
            CartItem item = new CartItem(sku, 1 + ThreadLocalRandom.current().nextInt(3), 199 + sku.hashCode() % 5000);
            cart.items.add(item);
            cart.totalCents += item.quantity * item.unitCents;
            resp.setContentType("application/json");
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (CartItem i : cart.items) {
                body.append("{\"sku\":\"").append(i.sku).append("\",\"qty\":").append(i.quantity).append("},");
            }
            body.append("{}],\"total\":").append(cart.totalCents).append(",\"recommendations\":\"");
            for (int i = 0; i < 400; i++) { // a page of recommendations, rendered and then dropped
                body.append("<li>SKU-").append(ThreadLocalRandom.current().nextInt(90_000)).append("</li>");
            }
            body.append("\"}");
            resp.getWriter().write(body.toString());
        }
    }

    public static void main(String[] args) throws Exception {
        Thread stdinWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) { }
            } catch (IOException ignored) { }
            System.exit(0);
        }, "stdin-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();

        QueuedThreadPool pool = new QueuedThreadPool(16, 4);
        pool.setName("shop");
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.getSessionHandler().setMaxInactiveInterval(30 * 60);
        context.addServlet(new ServletHolder(new CartServlet()), "/cart");
        server.setHandler(context);
        server.start();
        int port = connector.getLocalPort();

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        System.out.println("ready");
        long deadline = System.currentTimeMillis() + 10 * 60_000L;
        long bytes = 0;
        for (int n = 0; n < 20 * 600 && System.currentTimeMillis() < deadline; n++) {
            String sku = "SKU-" + ThreadLocalRandom.current().nextInt(90_000);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cart?sku=" + sku))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            bytes += response.body().length();
            Thread.sleep(50);
        }
        System.out.println("received " + bytes);
        server.stop();
        System.exit(0);
    }
}
