package com.acme.web.checkout;

import jakarta.servlet.ServletException;
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
 * Control: the same embedded Jetty 12 shop as CartServer (a session per cookie-less request, a 16 KB attribute in
 * it), but the one-page checkout invalidates its session when the response is written, so nothing piles up.
 * Bounded: at most 20 requests/s to 127.0.0.1 for at most 10 minutes.
 */
public class CheckoutServer {

    static final class Basket implements Serializable {
        final List<String> skus = new ArrayList<>();
        final byte[] recentlyViewed = new byte[16 * 1024];
        long totalCents;
    }

    static final class CheckoutServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            HttpSession session = req.getSession();
            Basket basket = (Basket) session.getAttribute("basket");
            if (basket == null) {
                basket = new Basket();
                ThreadLocalRandom.current().nextBytes(basket.recentlyViewed);
                session.setAttribute("basket", basket);
            }
            String sku = req.getParameter("sku");
            basket.skus.add(sku);
            basket.totalCents += 100 + Math.floorMod(sku.hashCode(), 9_000);
            StringBuilder recommendations = new StringBuilder();
            for (int i = 0; i < 400; i++) { // a page of recommendations, rendered and then dropped
                recommendations.append("<li>SKU-").append(ThreadLocalRandom.current().nextInt(90_000)).append("</li>");
            }
            String receipt = "{\"order\":\"" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + "\",\"skus\":" + basket.skus + ",\"total\":" + basket.totalCents
                    + ",\"recommendations\":\"" + recommendations + "\"}";
            resp.setContentType("application/json");
            resp.getWriter().write(receipt);
            session.invalidate(); // checkout done: the session ends with the request
        }
    }

    public static void main(String[] args) throws Exception {
        Thread watch = new Thread(CheckoutServer::exitOnEof, "stdin-watch");
        watch.setDaemon(true);
        watch.start();

        Server server = new Server(new QueuedThreadPool(16, 4));
        ServerConnector http = new ServerConnector(server);
        http.setHost("127.0.0.1");
        http.setPort(0);
        server.addConnector(http);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.getSessionHandler().setMaxInactiveInterval(30 * 60);
        context.addServlet(new ServletHolder(new CheckoutServlet()), "/checkout");
        server.setHandler(context);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + http.getLocalPort() + "/checkout");

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        System.out.println("ready");
        long until = System.currentTimeMillis() + 600_000L;
        int requests = 0;
        long received = 0;
        while (requests++ < 12_000 && System.currentTimeMillis() < until) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "?sku=SKU-"
                            + ThreadLocalRandom.current().nextInt(90_000)))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            received += client.send(request, HttpResponse.BodyHandlers.ofString()).body().length();
            Thread.sleep(50);
        }
        System.out.println("received " + received);
        server.stop();
        System.exit(0);
    }

    private static void exitOnEof() {
        try {
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // closed
        }
        System.exit(0);
    }
}
