/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation EmbeddedAsk($message: String!) {\n    askAssistant(message: $message) {\n      content\n    }\n  }\n": typeof types.EmbeddedAskDocument,
    "\n  query DedupCatalogPage {\n    products(first: 5) {\n      edges {\n        node {\n          id\n          name\n          seller {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.DedupCatalogPageDocument,
    "\n  query DedupMe {\n    me {\n      id\n      name\n    }\n  }\n": typeof types.DedupMeDocument,
    "\n  mutation DedupMarkRead {\n    markNotificationsRead\n  }\n": typeof types.DedupMarkReadDocument,
    "\n  mutation AskAssistant($conversationId: ID, $message: String!) {\n    askAssistant(conversationId: $conversationId, message: $message) {\n      id\n      role\n      content\n      createdAt\n    }\n  }\n": typeof types.AskAssistantDocument,
    "\n  mutation StartConversation {\n    startConversation {\n      id\n      title\n      messageCount\n      createdAt\n    }\n  }\n": typeof types.StartConversationDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      title\n      messageCount\n      createdAt\n      updatedAt\n      messages {\n        id\n        role\n        content\n        createdAt\n      }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  query Conversations($first: Int, $after: String) {\n    conversations(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          messageCount\n          messages {\n            role\n            content\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  query OrderByNumber($number: String!) {\n    orderByNumber(number: $number) {\n      id\n      number\n      status\n    }\n  }\n": typeof types.OrderByNumberDocument,
    "\n  subscription AssistantReplyStream($conversationId: ID!) {\n    assistantReplyStream(conversationId: $conversationId) {\n      conversationId\n      delta\n      done\n    }\n  }\n": typeof types.AssistantReplyStreamDocument,
    "\n  query Categories {\n    categories {\n      id\n      name\n      slug\n      subcategories {\n        id\n        name\n        slug\n        category {\n          slug\n        }\n      }\n    }\n  }\n": typeof types.CategoriesDocument,
    "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      seller {\n        id\n        name\n        sellerProfile {\n          stallName\n        }\n      }\n      subcategory {\n        id\n        name\n        category {\n          id\n          name\n        }\n      }\n      inventory {\n        quantityOnHand\n        quantityReserved\n        quantityAvailable\n        lowStockThreshold\n      }\n    }\n  }\n": typeof types.ProductDocument,
    "\n  query Products($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {\n    products(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          priceCents\n          unit\n          available\n          createdAt\n          seller {\n            id\n            name\n            sellerProfile {\n              stallName\n            }\n          }\n          subcategory {\n            id\n            name\n            category {\n              id\n              name\n            }\n          }\n          inventory {\n            quantityAvailable\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ProductsDocument,
    "\n  query MyProducts($first: Int, $after: String) {\n    me {\n      id\n      name\n      role\n      products(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            listed\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MyProductsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      createdAt\n      seller {\n        id\n      }\n      subcategory {\n        id\n        name\n      }\n      inventory {\n        quantityOnHand\n        quantityReserved\n        quantityAvailable\n        lowStockThreshold\n      }\n    }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      subcategory {\n        id\n      }\n    }\n  }\n": typeof types.UpdateProductDocument,
    "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id)\n  }\n": typeof types.DeleteProductDocument,
    "\n  mutation AdjustInventory($productId: ID!, $delta: Int!, $reason: String) {\n    adjustInventory(productId: $productId, delta: $delta, reason: $reason) {\n      productId\n      quantityOnHand\n      quantityReserved\n      quantityAvailable\n      lowStockThreshold\n    }\n  }\n": typeof types.AdjustInventoryDocument,
    "\n  mutation CreateCategory($name: String!) {\n    createCategory(name: $name) {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.CreateCategoryDocument,
    "\n  mutation CreateSubcategory($categoryId: ID!, $name: String!) {\n    createSubcategory(categoryId: $categoryId, name: $name) {\n      id\n      name\n      slug\n      category {\n        slug\n      }\n    }\n  }\n": typeof types.CreateSubcategoryDocument,
    "\n  query Cart {\n    me {\n      id\n      cart {\n        id\n        subtotalCents\n        items {\n          id\n          quantity\n          productName\n          unitPriceCents\n          lineTotalCents\n          quantityAvailable\n          available\n          product {\n            id\n            name\n            seller {\n              id\n            }\n          }\n        }\n        unavailableItems {\n          id\n          productId\n          productName\n          quantity\n        }\n      }\n    }\n  }\n": typeof types.CartDocument,
    "\n  mutation AddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) {\n      id\n      subtotalCents\n      items {\n        id\n        quantity\n        productName\n        product {\n          id\n        }\n      }\n      unavailableItems {\n        id\n        productId\n      }\n    }\n  }\n": typeof types.AddToCartDocument,
    "\n  mutation UpdateCartItem($itemId: ID!, $quantity: Int!) {\n    updateCartItem(itemId: $itemId, quantity: $quantity) {\n      id\n      subtotalCents\n      items {\n        id\n        quantity\n      }\n    }\n  }\n": typeof types.UpdateCartItemDocument,
    "\n  mutation ClearCart {\n    clearCart {\n      id\n      items {\n        id\n      }\n    }\n  }\n": typeof types.ClearCartDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      id\n      number\n      status\n      totalCents\n      notes\n      buyer {\n        id\n        name\n      }\n      seller {\n        id\n        name\n      }\n      delivery {\n        method\n        address\n        status\n      }\n      items {\n        id\n        productName\n        unitPriceCents\n        quantity\n        lineTotalCents\n        unit\n        product {\n          id\n        }\n      }\n    }\n  }\n": typeof types.CheckoutDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      status\n      totalCents\n      cancelReason\n      refundDue\n      expiresAt\n      buyer {\n        id\n        name\n      }\n      seller {\n        id\n        name\n      }\n      delivery {\n        method\n        status\n      }\n      items {\n        productName\n        quantity\n        lineTotalCents\n        product {\n          id\n          name\n          inventory {\n            quantityReserved\n            quantityOnHand\n          }\n        }\n      }\n      messages {\n        id\n        body\n        author {\n          id\n          name\n        }\n        createdAt\n      }\n    }\n  }\n": typeof types.OrderDocument,
    "\n  query MyOrders($first: Int, $after: String, $status: OrderStatus) {\n    me {\n      id\n      orders(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            status\n            totalCents\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyOrdersDocument,
    "\n  query SellerOrders($first: Int, $after: String, $status: OrderStatus) {\n    sellerOrders(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          number\n          status\n          totalCents\n          buyer {\n            id\n          }\n          seller {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.SellerOrdersDocument,
    "\n  mutation UpdateOrderStatus($orderId: ID!, $status: OrderStatus!) {\n    updateOrderStatus(orderId: $orderId, status: $status) {\n      id\n      status\n      cancelReason\n      refundDue\n      delivery {\n        status\n      }\n    }\n  }\n": typeof types.UpdateOrderStatusDocument,
    "\n  mutation SendOrderMessage($orderId: ID!, $body: String!) {\n    sendOrderMessage(orderId: $orderId, body: $body) {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n      }\n      order {\n        id\n        number\n      }\n    }\n  }\n": typeof types.SendOrderMessageDocument,
    "\n  mutation CreatePayment($orderId: ID!, $method: PaymentMethodKind!) {\n    createPayment(orderId: $orderId, method: $method) {\n      id\n      method\n      status\n      amountCents\n      refundedCents\n      clientSecret\n      order {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CreatePaymentDocument,
    "\n  mutation ConfirmPayment($paymentId: ID!) {\n    confirmPayment(paymentId: $paymentId) {\n      id\n      status\n    }\n  }\n": typeof types.ConfirmPaymentDocument,
    "\n  mutation RefundPayment($paymentId: ID!, $amountCents: Int, $reason: String) {\n    refundPayment(paymentId: $paymentId, amountCents: $amountCents, reason: $reason) {\n      id\n      status\n      amountCents\n      refundedCents\n    }\n  }\n": typeof types.RefundPaymentDocument,
    "\n  mutation SimulateCardPayment($paymentId: ID!, $succeed: Boolean) {\n    simulateCardPayment(paymentId: $paymentId, succeed: $succeed) {\n      id\n      status\n    }\n  }\n": typeof types.SimulateCardPaymentDocument,
    "\n  query OrderPayment($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      payment {\n        id\n        method\n        status\n        amountCents\n        refundedCents\n        clientSecret\n      }\n    }\n  }\n": typeof types.OrderPaymentDocument,
    "\n  query TopSellers($from: DateTime, $to: DateTime, $limit: Int) {\n    topSellers(from: $from, to: $to, limit: $limit) {\n      seller {\n        id\n        name\n      }\n      revenueCents\n      orders\n    }\n  }\n": typeof types.TopSellersDocument,
    "\n  query TopProducts($from: DateTime, $to: DateTime, $limit: Int) {\n    topProducts(from: $from, to: $to, limit: $limit) {\n      product {\n        id\n        name\n      }\n      quantitySold\n      revenueCents\n    }\n  }\n": typeof types.TopProductsDocument,
    "\n  query SalesByCategory($from: DateTime, $to: DateTime) {\n    salesByCategory(from: $from, to: $to) {\n      category {\n        id\n        name\n      }\n      revenueCents\n      quantitySold\n    }\n  }\n": typeof types.SalesByCategoryDocument,
    "\n  query CustomerSegments {\n    customerSegments {\n      segment\n      customers\n      revenueCents\n    }\n  }\n": typeof types.CustomerSegmentsDocument,
    "\n  query LowStockProducts {\n    lowStockProducts {\n      id\n      name\n    }\n  }\n": typeof types.LowStockProductsDocument,
    "\n  query Dashboard {\n    dashboard {\n      revenueTodayCents\n      ordersToday\n      ordersByStatus {\n        status\n        count\n      }\n      averageOrderCents\n      lowStockCount\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query SalesReport($from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    salesReport(from: $from, to: $to, granularity: $granularity) {\n      periodStart\n      orders\n      revenueCents\n    }\n  }\n": typeof types.SalesReportDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        name\n        role\n        phone\n        sellerProfile {\n          stallName\n          pierSection\n        }\n        createdAt\n      }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        name\n        role\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n": typeof types.RefreshTokenDocument,
    "\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken)\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      role\n      email\n    }\n  }\n": typeof types.MeDocument,
    "\n  query Users($first: Int, $after: String, $role: Role) {\n    users(first: $first, after: $after, role: $role) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          email\n          role\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      email\n      phone\n      role\n      sellerProfile {\n        stallName\n        pierSection\n      }\n    }\n  }\n": typeof types.UserDocument,
    "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    unreadNotificationCount\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          readAt\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "mutation R($name: String!, $url: String!, $events: [String!]!) { registerPartner(name: $name, webhookUrl: $url, events: $events) { partner { id active events } signingSecret } }": typeof types.RDocument,
    "query D($id: ID!) { partnerDeliveries(partnerId: $id) { totalCount edges { node { eventType status attempts lastStatus } } } }": typeof types.DDocument,
    "mutation Refused($url: String!, $events: [String!]!) { registerPartner(name: \"X\", webhookUrl: $url, events: $events) { signingSecret } }": typeof types.RefusedDocument,
    "query F($id: ID!, $after: String) { partnerDeliveries(partnerId: $id, after: $after) { totalCount } }": typeof types.FDocument,
};
const documents: Documents = {
    "\n  mutation EmbeddedAsk($message: String!) {\n    askAssistant(message: $message) {\n      content\n    }\n  }\n": types.EmbeddedAskDocument,
    "\n  query DedupCatalogPage {\n    products(first: 5) {\n      edges {\n        node {\n          id\n          name\n          seller {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.DedupCatalogPageDocument,
    "\n  query DedupMe {\n    me {\n      id\n      name\n    }\n  }\n": types.DedupMeDocument,
    "\n  mutation DedupMarkRead {\n    markNotificationsRead\n  }\n": types.DedupMarkReadDocument,
    "\n  mutation AskAssistant($conversationId: ID, $message: String!) {\n    askAssistant(conversationId: $conversationId, message: $message) {\n      id\n      role\n      content\n      createdAt\n    }\n  }\n": types.AskAssistantDocument,
    "\n  mutation StartConversation {\n    startConversation {\n      id\n      title\n      messageCount\n      createdAt\n    }\n  }\n": types.StartConversationDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      title\n      messageCount\n      createdAt\n      updatedAt\n      messages {\n        id\n        role\n        content\n        createdAt\n      }\n    }\n  }\n": types.ConversationDocument,
    "\n  query Conversations($first: Int, $after: String) {\n    conversations(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          messageCount\n          messages {\n            role\n            content\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConversationsDocument,
    "\n  query OrderByNumber($number: String!) {\n    orderByNumber(number: $number) {\n      id\n      number\n      status\n    }\n  }\n": types.OrderByNumberDocument,
    "\n  subscription AssistantReplyStream($conversationId: ID!) {\n    assistantReplyStream(conversationId: $conversationId) {\n      conversationId\n      delta\n      done\n    }\n  }\n": types.AssistantReplyStreamDocument,
    "\n  query Categories {\n    categories {\n      id\n      name\n      slug\n      subcategories {\n        id\n        name\n        slug\n        category {\n          slug\n        }\n      }\n    }\n  }\n": types.CategoriesDocument,
    "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      seller {\n        id\n        name\n        sellerProfile {\n          stallName\n        }\n      }\n      subcategory {\n        id\n        name\n        category {\n          id\n          name\n        }\n      }\n      inventory {\n        quantityOnHand\n        quantityReserved\n        quantityAvailable\n        lowStockThreshold\n      }\n    }\n  }\n": types.ProductDocument,
    "\n  query Products($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {\n    products(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          priceCents\n          unit\n          available\n          createdAt\n          seller {\n            id\n            name\n            sellerProfile {\n              stallName\n            }\n          }\n          subcategory {\n            id\n            name\n            category {\n              id\n              name\n            }\n          }\n          inventory {\n            quantityAvailable\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ProductsDocument,
    "\n  query MyProducts($first: Int, $after: String) {\n    me {\n      id\n      name\n      role\n      products(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            listed\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MyProductsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      createdAt\n      seller {\n        id\n      }\n      subcategory {\n        id\n        name\n      }\n      inventory {\n        quantityOnHand\n        quantityReserved\n        quantityAvailable\n        lowStockThreshold\n      }\n    }\n  }\n": types.CreateProductDocument,
    "\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      subcategory {\n        id\n      }\n    }\n  }\n": types.UpdateProductDocument,
    "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id)\n  }\n": types.DeleteProductDocument,
    "\n  mutation AdjustInventory($productId: ID!, $delta: Int!, $reason: String) {\n    adjustInventory(productId: $productId, delta: $delta, reason: $reason) {\n      productId\n      quantityOnHand\n      quantityReserved\n      quantityAvailable\n      lowStockThreshold\n    }\n  }\n": types.AdjustInventoryDocument,
    "\n  mutation CreateCategory($name: String!) {\n    createCategory(name: $name) {\n      id\n      name\n      slug\n    }\n  }\n": types.CreateCategoryDocument,
    "\n  mutation CreateSubcategory($categoryId: ID!, $name: String!) {\n    createSubcategory(categoryId: $categoryId, name: $name) {\n      id\n      name\n      slug\n      category {\n        slug\n      }\n    }\n  }\n": types.CreateSubcategoryDocument,
    "\n  query Cart {\n    me {\n      id\n      cart {\n        id\n        subtotalCents\n        items {\n          id\n          quantity\n          productName\n          unitPriceCents\n          lineTotalCents\n          quantityAvailable\n          available\n          product {\n            id\n            name\n            seller {\n              id\n            }\n          }\n        }\n        unavailableItems {\n          id\n          productId\n          productName\n          quantity\n        }\n      }\n    }\n  }\n": types.CartDocument,
    "\n  mutation AddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) {\n      id\n      subtotalCents\n      items {\n        id\n        quantity\n        productName\n        product {\n          id\n        }\n      }\n      unavailableItems {\n        id\n        productId\n      }\n    }\n  }\n": types.AddToCartDocument,
    "\n  mutation UpdateCartItem($itemId: ID!, $quantity: Int!) {\n    updateCartItem(itemId: $itemId, quantity: $quantity) {\n      id\n      subtotalCents\n      items {\n        id\n        quantity\n      }\n    }\n  }\n": types.UpdateCartItemDocument,
    "\n  mutation ClearCart {\n    clearCart {\n      id\n      items {\n        id\n      }\n    }\n  }\n": types.ClearCartDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      id\n      number\n      status\n      totalCents\n      notes\n      buyer {\n        id\n        name\n      }\n      seller {\n        id\n        name\n      }\n      delivery {\n        method\n        address\n        status\n      }\n      items {\n        id\n        productName\n        unitPriceCents\n        quantity\n        lineTotalCents\n        unit\n        product {\n          id\n        }\n      }\n    }\n  }\n": types.CheckoutDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      status\n      totalCents\n      cancelReason\n      refundDue\n      expiresAt\n      buyer {\n        id\n        name\n      }\n      seller {\n        id\n        name\n      }\n      delivery {\n        method\n        status\n      }\n      items {\n        productName\n        quantity\n        lineTotalCents\n        product {\n          id\n          name\n          inventory {\n            quantityReserved\n            quantityOnHand\n          }\n        }\n      }\n      messages {\n        id\n        body\n        author {\n          id\n          name\n        }\n        createdAt\n      }\n    }\n  }\n": types.OrderDocument,
    "\n  query MyOrders($first: Int, $after: String, $status: OrderStatus) {\n    me {\n      id\n      orders(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            status\n            totalCents\n          }\n        }\n      }\n    }\n  }\n": types.MyOrdersDocument,
    "\n  query SellerOrders($first: Int, $after: String, $status: OrderStatus) {\n    sellerOrders(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          number\n          status\n          totalCents\n          buyer {\n            id\n          }\n          seller {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.SellerOrdersDocument,
    "\n  mutation UpdateOrderStatus($orderId: ID!, $status: OrderStatus!) {\n    updateOrderStatus(orderId: $orderId, status: $status) {\n      id\n      status\n      cancelReason\n      refundDue\n      delivery {\n        status\n      }\n    }\n  }\n": types.UpdateOrderStatusDocument,
    "\n  mutation SendOrderMessage($orderId: ID!, $body: String!) {\n    sendOrderMessage(orderId: $orderId, body: $body) {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n      }\n      order {\n        id\n        number\n      }\n    }\n  }\n": types.SendOrderMessageDocument,
    "\n  mutation CreatePayment($orderId: ID!, $method: PaymentMethodKind!) {\n    createPayment(orderId: $orderId, method: $method) {\n      id\n      method\n      status\n      amountCents\n      refundedCents\n      clientSecret\n      order {\n        id\n        status\n      }\n    }\n  }\n": types.CreatePaymentDocument,
    "\n  mutation ConfirmPayment($paymentId: ID!) {\n    confirmPayment(paymentId: $paymentId) {\n      id\n      status\n    }\n  }\n": types.ConfirmPaymentDocument,
    "\n  mutation RefundPayment($paymentId: ID!, $amountCents: Int, $reason: String) {\n    refundPayment(paymentId: $paymentId, amountCents: $amountCents, reason: $reason) {\n      id\n      status\n      amountCents\n      refundedCents\n    }\n  }\n": types.RefundPaymentDocument,
    "\n  mutation SimulateCardPayment($paymentId: ID!, $succeed: Boolean) {\n    simulateCardPayment(paymentId: $paymentId, succeed: $succeed) {\n      id\n      status\n    }\n  }\n": types.SimulateCardPaymentDocument,
    "\n  query OrderPayment($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      payment {\n        id\n        method\n        status\n        amountCents\n        refundedCents\n        clientSecret\n      }\n    }\n  }\n": types.OrderPaymentDocument,
    "\n  query TopSellers($from: DateTime, $to: DateTime, $limit: Int) {\n    topSellers(from: $from, to: $to, limit: $limit) {\n      seller {\n        id\n        name\n      }\n      revenueCents\n      orders\n    }\n  }\n": types.TopSellersDocument,
    "\n  query TopProducts($from: DateTime, $to: DateTime, $limit: Int) {\n    topProducts(from: $from, to: $to, limit: $limit) {\n      product {\n        id\n        name\n      }\n      quantitySold\n      revenueCents\n    }\n  }\n": types.TopProductsDocument,
    "\n  query SalesByCategory($from: DateTime, $to: DateTime) {\n    salesByCategory(from: $from, to: $to) {\n      category {\n        id\n        name\n      }\n      revenueCents\n      quantitySold\n    }\n  }\n": types.SalesByCategoryDocument,
    "\n  query CustomerSegments {\n    customerSegments {\n      segment\n      customers\n      revenueCents\n    }\n  }\n": types.CustomerSegmentsDocument,
    "\n  query LowStockProducts {\n    lowStockProducts {\n      id\n      name\n    }\n  }\n": types.LowStockProductsDocument,
    "\n  query Dashboard {\n    dashboard {\n      revenueTodayCents\n      ordersToday\n      ordersByStatus {\n        status\n        count\n      }\n      averageOrderCents\n      lowStockCount\n    }\n  }\n": types.DashboardDocument,
    "\n  query SalesReport($from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    salesReport(from: $from, to: $to, granularity: $granularity) {\n      periodStart\n      orders\n      revenueCents\n    }\n  }\n": types.SalesReportDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        name\n        role\n        phone\n        sellerProfile {\n          stallName\n          pierSection\n        }\n        createdAt\n      }\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        name\n        role\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n": types.RefreshTokenDocument,
    "\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken)\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      role\n      email\n    }\n  }\n": types.MeDocument,
    "\n  query Users($first: Int, $after: String, $role: Role) {\n    users(first: $first, after: $after, role: $role) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          email\n          role\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      email\n      phone\n      role\n      sellerProfile {\n        stallName\n        pierSection\n      }\n    }\n  }\n": types.UserDocument,
    "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    unreadNotificationCount\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          readAt\n          createdAt\n        }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "mutation R($name: String!, $url: String!, $events: [String!]!) { registerPartner(name: $name, webhookUrl: $url, events: $events) { partner { id active events } signingSecret } }": types.RDocument,
    "query D($id: ID!) { partnerDeliveries(partnerId: $id) { totalCount edges { node { eventType status attempts lastStatus } } } }": types.DDocument,
    "mutation Refused($url: String!, $events: [String!]!) { registerPartner(name: \"X\", webhookUrl: $url, events: $events) { signingSecret } }": types.RefusedDocument,
    "query F($id: ID!, $after: String) { partnerDeliveries(partnerId: $id, after: $after) { totalCount } }": types.FDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EmbeddedAsk($message: String!) {\n    askAssistant(message: $message) {\n      content\n    }\n  }\n"): (typeof documents)["\n  mutation EmbeddedAsk($message: String!) {\n    askAssistant(message: $message) {\n      content\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DedupCatalogPage {\n    products(first: 5) {\n      edges {\n        node {\n          id\n          name\n          seller {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DedupCatalogPage {\n    products(first: 5) {\n      edges {\n        node {\n          id\n          name\n          seller {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DedupMe {\n    me {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query DedupMe {\n    me {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DedupMarkRead {\n    markNotificationsRead\n  }\n"): (typeof documents)["\n  mutation DedupMarkRead {\n    markNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskAssistant($conversationId: ID, $message: String!) {\n    askAssistant(conversationId: $conversationId, message: $message) {\n      id\n      role\n      content\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation AskAssistant($conversationId: ID, $message: String!) {\n    askAssistant(conversationId: $conversationId, message: $message) {\n      id\n      role\n      content\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartConversation {\n    startConversation {\n      id\n      title\n      messageCount\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation StartConversation {\n    startConversation {\n      id\n      title\n      messageCount\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      title\n      messageCount\n      createdAt\n      updatedAt\n      messages {\n        id\n        role\n        content\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      title\n      messageCount\n      createdAt\n      updatedAt\n      messages {\n        id\n        role\n        content\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversations($first: Int, $after: String) {\n    conversations(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          messageCount\n          messages {\n            role\n            content\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversations($first: Int, $after: String) {\n    conversations(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          messageCount\n          messages {\n            role\n            content\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderByNumber($number: String!) {\n    orderByNumber(number: $number) {\n      id\n      number\n      status\n    }\n  }\n"): (typeof documents)["\n  query OrderByNumber($number: String!) {\n    orderByNumber(number: $number) {\n      id\n      number\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AssistantReplyStream($conversationId: ID!) {\n    assistantReplyStream(conversationId: $conversationId) {\n      conversationId\n      delta\n      done\n    }\n  }\n"): (typeof documents)["\n  subscription AssistantReplyStream($conversationId: ID!) {\n    assistantReplyStream(conversationId: $conversationId) {\n      conversationId\n      delta\n      done\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Categories {\n    categories {\n      id\n      name\n      slug\n      subcategories {\n        id\n        name\n        slug\n        category {\n          slug\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Categories {\n    categories {\n      id\n      name\n      slug\n      subcategories {\n        id\n        name\n        slug\n        category {\n          slug\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      seller {\n        id\n        name\n        sellerProfile {\n          stallName\n        }\n      }\n      subcategory {\n        id\n        name\n        category {\n          id\n          name\n        }\n      }\n      inventory {\n        quantityOnHand\n        quantityReserved\n        quantityAvailable\n        lowStockThreshold\n      }\n    }\n  }\n"): (typeof documents)["\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      seller {\n        id\n        name\n        sellerProfile {\n          stallName\n        }\n      }\n      subcategory {\n        id\n        name\n        category {\n          id\n          name\n        }\n      }\n      inventory {\n        quantityOnHand\n        quantityReserved\n        quantityAvailable\n        lowStockThreshold\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Products($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {\n    products(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          priceCents\n          unit\n          available\n          createdAt\n          seller {\n            id\n            name\n            sellerProfile {\n              stallName\n            }\n          }\n          subcategory {\n            id\n            name\n            category {\n              id\n              name\n            }\n          }\n          inventory {\n            quantityAvailable\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Products($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {\n    products(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          priceCents\n          unit\n          available\n          createdAt\n          seller {\n            id\n            name\n            sellerProfile {\n              stallName\n            }\n          }\n          subcategory {\n            id\n            name\n            category {\n              id\n              name\n            }\n          }\n          inventory {\n            quantityAvailable\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProducts($first: Int, $after: String) {\n    me {\n      id\n      name\n      role\n      products(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            listed\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyProducts($first: Int, $after: String) {\n    me {\n      id\n      name\n      role\n      products(first: $first, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            listed\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      createdAt\n      seller {\n        id\n      }\n      subcategory {\n        id\n        name\n      }\n      inventory {\n        quantityOnHand\n        quantityReserved\n        quantityAvailable\n        lowStockThreshold\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      createdAt\n      seller {\n        id\n      }\n      subcategory {\n        id\n        name\n      }\n      inventory {\n        quantityOnHand\n        quantityReserved\n        quantityAvailable\n        lowStockThreshold\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      subcategory {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      id\n      name\n      description\n      priceCents\n      unit\n      imageUrls\n      listed\n      available\n      subcategory {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustInventory($productId: ID!, $delta: Int!, $reason: String) {\n    adjustInventory(productId: $productId, delta: $delta, reason: $reason) {\n      productId\n      quantityOnHand\n      quantityReserved\n      quantityAvailable\n      lowStockThreshold\n    }\n  }\n"): (typeof documents)["\n  mutation AdjustInventory($productId: ID!, $delta: Int!, $reason: String) {\n    adjustInventory(productId: $productId, delta: $delta, reason: $reason) {\n      productId\n      quantityOnHand\n      quantityReserved\n      quantityAvailable\n      lowStockThreshold\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCategory($name: String!) {\n    createCategory(name: $name) {\n      id\n      name\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCategory($name: String!) {\n    createCategory(name: $name) {\n      id\n      name\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSubcategory($categoryId: ID!, $name: String!) {\n    createSubcategory(categoryId: $categoryId, name: $name) {\n      id\n      name\n      slug\n      category {\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSubcategory($categoryId: ID!, $name: String!) {\n    createSubcategory(categoryId: $categoryId, name: $name) {\n      id\n      name\n      slug\n      category {\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cart {\n    me {\n      id\n      cart {\n        id\n        subtotalCents\n        items {\n          id\n          quantity\n          productName\n          unitPriceCents\n          lineTotalCents\n          quantityAvailable\n          available\n          product {\n            id\n            name\n            seller {\n              id\n            }\n          }\n        }\n        unavailableItems {\n          id\n          productId\n          productName\n          quantity\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Cart {\n    me {\n      id\n      cart {\n        id\n        subtotalCents\n        items {\n          id\n          quantity\n          productName\n          unitPriceCents\n          lineTotalCents\n          quantityAvailable\n          available\n          product {\n            id\n            name\n            seller {\n              id\n            }\n          }\n        }\n        unavailableItems {\n          id\n          productId\n          productName\n          quantity\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) {\n      id\n      subtotalCents\n      items {\n        id\n        quantity\n        productName\n        product {\n          id\n        }\n      }\n      unavailableItems {\n        id\n        productId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) {\n      id\n      subtotalCents\n      items {\n        id\n        quantity\n        productName\n        product {\n          id\n        }\n      }\n      unavailableItems {\n        id\n        productId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCartItem($itemId: ID!, $quantity: Int!) {\n    updateCartItem(itemId: $itemId, quantity: $quantity) {\n      id\n      subtotalCents\n      items {\n        id\n        quantity\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCartItem($itemId: ID!, $quantity: Int!) {\n    updateCartItem(itemId: $itemId, quantity: $quantity) {\n      id\n      subtotalCents\n      items {\n        id\n        quantity\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearCart {\n    clearCart {\n      id\n      items {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClearCart {\n    clearCart {\n      id\n      items {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      id\n      number\n      status\n      totalCents\n      notes\n      buyer {\n        id\n        name\n      }\n      seller {\n        id\n        name\n      }\n      delivery {\n        method\n        address\n        status\n      }\n      items {\n        id\n        productName\n        unitPriceCents\n        quantity\n        lineTotalCents\n        unit\n        product {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      id\n      number\n      status\n      totalCents\n      notes\n      buyer {\n        id\n        name\n      }\n      seller {\n        id\n        name\n      }\n      delivery {\n        method\n        address\n        status\n      }\n      items {\n        id\n        productName\n        unitPriceCents\n        quantity\n        lineTotalCents\n        unit\n        product {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      status\n      totalCents\n      cancelReason\n      refundDue\n      expiresAt\n      buyer {\n        id\n        name\n      }\n      seller {\n        id\n        name\n      }\n      delivery {\n        method\n        status\n      }\n      items {\n        productName\n        quantity\n        lineTotalCents\n        product {\n          id\n          name\n          inventory {\n            quantityReserved\n            quantityOnHand\n          }\n        }\n      }\n      messages {\n        id\n        body\n        author {\n          id\n          name\n        }\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      status\n      totalCents\n      cancelReason\n      refundDue\n      expiresAt\n      buyer {\n        id\n        name\n      }\n      seller {\n        id\n        name\n      }\n      delivery {\n        method\n        status\n      }\n      items {\n        productName\n        quantity\n        lineTotalCents\n        product {\n          id\n          name\n          inventory {\n            quantityReserved\n            quantityOnHand\n          }\n        }\n      }\n      messages {\n        id\n        body\n        author {\n          id\n          name\n        }\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrders($first: Int, $after: String, $status: OrderStatus) {\n    me {\n      id\n      orders(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            status\n            totalCents\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyOrders($first: Int, $after: String, $status: OrderStatus) {\n    me {\n      id\n      orders(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            status\n            totalCents\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SellerOrders($first: Int, $after: String, $status: OrderStatus) {\n    sellerOrders(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          number\n          status\n          totalCents\n          buyer {\n            id\n          }\n          seller {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SellerOrders($first: Int, $after: String, $status: OrderStatus) {\n    sellerOrders(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          number\n          status\n          totalCents\n          buyer {\n            id\n          }\n          seller {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrderStatus($orderId: ID!, $status: OrderStatus!) {\n    updateOrderStatus(orderId: $orderId, status: $status) {\n      id\n      status\n      cancelReason\n      refundDue\n      delivery {\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrderStatus($orderId: ID!, $status: OrderStatus!) {\n    updateOrderStatus(orderId: $orderId, status: $status) {\n      id\n      status\n      cancelReason\n      refundDue\n      delivery {\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendOrderMessage($orderId: ID!, $body: String!) {\n    sendOrderMessage(orderId: $orderId, body: $body) {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n      }\n      order {\n        id\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendOrderMessage($orderId: ID!, $body: String!) {\n    sendOrderMessage(orderId: $orderId, body: $body) {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n      }\n      order {\n        id\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePayment($orderId: ID!, $method: PaymentMethodKind!) {\n    createPayment(orderId: $orderId, method: $method) {\n      id\n      method\n      status\n      amountCents\n      refundedCents\n      clientSecret\n      order {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePayment($orderId: ID!, $method: PaymentMethodKind!) {\n    createPayment(orderId: $orderId, method: $method) {\n      id\n      method\n      status\n      amountCents\n      refundedCents\n      clientSecret\n      order {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmPayment($paymentId: ID!) {\n    confirmPayment(paymentId: $paymentId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmPayment($paymentId: ID!) {\n    confirmPayment(paymentId: $paymentId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundPayment($paymentId: ID!, $amountCents: Int, $reason: String) {\n    refundPayment(paymentId: $paymentId, amountCents: $amountCents, reason: $reason) {\n      id\n      status\n      amountCents\n      refundedCents\n    }\n  }\n"): (typeof documents)["\n  mutation RefundPayment($paymentId: ID!, $amountCents: Int, $reason: String) {\n    refundPayment(paymentId: $paymentId, amountCents: $amountCents, reason: $reason) {\n      id\n      status\n      amountCents\n      refundedCents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SimulateCardPayment($paymentId: ID!, $succeed: Boolean) {\n    simulateCardPayment(paymentId: $paymentId, succeed: $succeed) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SimulateCardPayment($paymentId: ID!, $succeed: Boolean) {\n    simulateCardPayment(paymentId: $paymentId, succeed: $succeed) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderPayment($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      payment {\n        id\n        method\n        status\n        amountCents\n        refundedCents\n        clientSecret\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderPayment($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      payment {\n        id\n        method\n        status\n        amountCents\n        refundedCents\n        clientSecret\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopSellers($from: DateTime, $to: DateTime, $limit: Int) {\n    topSellers(from: $from, to: $to, limit: $limit) {\n      seller {\n        id\n        name\n      }\n      revenueCents\n      orders\n    }\n  }\n"): (typeof documents)["\n  query TopSellers($from: DateTime, $to: DateTime, $limit: Int) {\n    topSellers(from: $from, to: $to, limit: $limit) {\n      seller {\n        id\n        name\n      }\n      revenueCents\n      orders\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopProducts($from: DateTime, $to: DateTime, $limit: Int) {\n    topProducts(from: $from, to: $to, limit: $limit) {\n      product {\n        id\n        name\n      }\n      quantitySold\n      revenueCents\n    }\n  }\n"): (typeof documents)["\n  query TopProducts($from: DateTime, $to: DateTime, $limit: Int) {\n    topProducts(from: $from, to: $to, limit: $limit) {\n      product {\n        id\n        name\n      }\n      quantitySold\n      revenueCents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesByCategory($from: DateTime, $to: DateTime) {\n    salesByCategory(from: $from, to: $to) {\n      category {\n        id\n        name\n      }\n      revenueCents\n      quantitySold\n    }\n  }\n"): (typeof documents)["\n  query SalesByCategory($from: DateTime, $to: DateTime) {\n    salesByCategory(from: $from, to: $to) {\n      category {\n        id\n        name\n      }\n      revenueCents\n      quantitySold\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerSegments {\n    customerSegments {\n      segment\n      customers\n      revenueCents\n    }\n  }\n"): (typeof documents)["\n  query CustomerSegments {\n    customerSegments {\n      segment\n      customers\n      revenueCents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LowStockProducts {\n    lowStockProducts {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query LowStockProducts {\n    lowStockProducts {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    dashboard {\n      revenueTodayCents\n      ordersToday\n      ordersByStatus {\n        status\n        count\n      }\n      averageOrderCents\n      lowStockCount\n    }\n  }\n"): (typeof documents)["\n  query Dashboard {\n    dashboard {\n      revenueTodayCents\n      ordersToday\n      ordersByStatus {\n        status\n        count\n      }\n      averageOrderCents\n      lowStockCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesReport($from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    salesReport(from: $from, to: $to, granularity: $granularity) {\n      periodStart\n      orders\n      revenueCents\n    }\n  }\n"): (typeof documents)["\n  query SalesReport($from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    salesReport(from: $from, to: $to, granularity: $granularity) {\n      periodStart\n      orders\n      revenueCents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        name\n        role\n        phone\n        sellerProfile {\n          stallName\n          pierSection\n        }\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        email\n        name\n        role\n        phone\n        sellerProfile {\n          stallName\n          pierSection\n        }\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        name\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      expiresIn\n      user {\n        id\n        name\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      role\n      email\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      role\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int, $after: String, $role: Role) {\n    users(first: $first, after: $after, role: $role) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          email\n          role\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($first: Int, $after: String, $role: Role) {\n    users(first: $first, after: $after, role: $role) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          email\n          role\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      email\n      phone\n      role\n      sellerProfile {\n        stallName\n        pierSection\n      }\n    }\n  }\n"): (typeof documents)["\n  query User($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      email\n      phone\n      role\n      sellerProfile {\n        stallName\n        pierSection\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    unreadNotificationCount\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          readAt\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    unreadNotificationCount\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          readAt\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation R($name: String!, $url: String!, $events: [String!]!) { registerPartner(name: $name, webhookUrl: $url, events: $events) { partner { id active events } signingSecret } }"): (typeof documents)["mutation R($name: String!, $url: String!, $events: [String!]!) { registerPartner(name: $name, webhookUrl: $url, events: $events) { partner { id active events } signingSecret } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query D($id: ID!) { partnerDeliveries(partnerId: $id) { totalCount edges { node { eventType status attempts lastStatus } } } }"): (typeof documents)["query D($id: ID!) { partnerDeliveries(partnerId: $id) { totalCount edges { node { eventType status attempts lastStatus } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Refused($url: String!, $events: [String!]!) { registerPartner(name: \"X\", webhookUrl: $url, events: $events) { signingSecret } }"): (typeof documents)["mutation Refused($url: String!, $events: [String!]!) { registerPartner(name: \"X\", webhookUrl: $url, events: $events) { signingSecret } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query F($id: ID!, $after: String) { partnerDeliveries(partnerId: $id, after: $after) { totalCount } }"): (typeof documents)["query F($id: ID!, $after: String) { partnerDeliveries(partnerId: $id, after: $after) { totalCount } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;