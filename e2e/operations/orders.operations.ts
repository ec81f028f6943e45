// The orders operations a frontend sends, typed by GraphQL Code Generator (npm run codegen).
import { graphql } from '../__generated__';

export const CartQuery = graphql(`
  query Cart {
    me {
      id
      cart {
        id
        subtotalCents
        items {
          id
          quantity
          productName
          unitPriceCents
          lineTotalCents
          quantityAvailable
          available
          product {
            id
            name
            seller {
              id
            }
          }
        }
        unavailableItems {
          id
          productId
          productName
          quantity
        }
      }
    }
  }
`);

export const AddToCartMutation = graphql(`
  mutation AddToCart($productId: ID!, $quantity: Int!) {
    addToCart(productId: $productId, quantity: $quantity) {
      id
      subtotalCents
      items {
        id
        quantity
        productName
        product {
          id
        }
      }
      unavailableItems {
        id
        productId
      }
    }
  }
`);

export const UpdateCartItemMutation = graphql(`
  mutation UpdateCartItem($itemId: ID!, $quantity: Int!) {
    updateCartItem(itemId: $itemId, quantity: $quantity) {
      id
      subtotalCents
      items {
        id
        quantity
      }
    }
  }
`);

export const ClearCartMutation = graphql(`
  mutation ClearCart {
    clearCart {
      id
      items {
        id
      }
    }
  }
`);

export const CheckoutMutation = graphql(`
  mutation Checkout($input: CheckoutInput!) {
    checkout(input: $input) {
      id
      number
      status
      totalCents
      notes
      buyer {
        id
        name
      }
      seller {
        id
        name
      }
      delivery {
        method
        address
        status
      }
      items {
        id
        productName
        unitPriceCents
        quantity
        lineTotalCents
        unit
        product {
          id
        }
      }
    }
  }
`);

export const OrderQuery = graphql(`
  query Order($id: ID!) {
    order(id: $id) {
      id
      number
      status
      totalCents
      cancelReason
      refundDue
      expiresAt
      buyer {
        id
        name
      }
      seller {
        id
        name
      }
      delivery {
        method
        status
      }
      items {
        productName
        quantity
        lineTotalCents
        product {
          id
          name
          inventory {
            quantityReserved
            quantityOnHand
          }
        }
      }
      messages {
        id
        body
        author {
          id
          name
        }
        createdAt
      }
    }
  }
`);

export const MyOrdersQuery = graphql(`
  query MyOrders($first: Int, $after: String, $status: OrderStatus) {
    me {
      id
      orders(first: $first, after: $after, status: $status) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            number
            status
            totalCents
          }
        }
      }
    }
  }
`);

export const SellerOrdersQuery = graphql(`
  query SellerOrders($first: Int, $after: String, $status: OrderStatus) {
    sellerOrders(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          status
          totalCents
          buyer {
            id
          }
          seller {
            id
          }
        }
      }
    }
  }
`);

export const UpdateOrderStatusMutation = graphql(`
  mutation UpdateOrderStatus($orderId: ID!, $status: OrderStatus!) {
    updateOrderStatus(orderId: $orderId, status: $status) {
      id
      status
      cancelReason
      refundDue
      delivery {
        status
      }
    }
  }
`);

export const SendOrderMessageMutation = graphql(`
  mutation SendOrderMessage($orderId: ID!, $body: String!) {
    sendOrderMessage(orderId: $orderId, body: $body) {
      id
      body
      createdAt
      author {
        id
        name
      }
      order {
        id
        number
      }
    }
  }
`);

export const CreatePaymentMutation = graphql(`
  mutation CreatePayment($orderId: ID!, $method: PaymentMethodKind!) {
    createPayment(orderId: $orderId, method: $method) {
      id
      method
      status
      amountCents
      refundedCents
      clientSecret
      order {
        id
        status
      }
    }
  }
`);

export const ConfirmPaymentMutation = graphql(`
  mutation ConfirmPayment($paymentId: ID!) {
    confirmPayment(paymentId: $paymentId) {
      id
      status
    }
  }
`);

export const RefundPaymentMutation = graphql(`
  mutation RefundPayment($paymentId: ID!, $amountCents: Int, $reason: String) {
    refundPayment(paymentId: $paymentId, amountCents: $amountCents, reason: $reason) {
      id
      status
      amountCents
      refundedCents
    }
  }
`);

export const SimulateCardPaymentMutation = graphql(`
  mutation SimulateCardPayment($paymentId: ID!, $succeed: Boolean) {
    simulateCardPayment(paymentId: $paymentId, succeed: $succeed) {
      id
      status
    }
  }
`);

export const OrderPaymentQuery = graphql(`
  query OrderPayment($id: ID!) {
    order(id: $id) {
      id
      status
      payment {
        id
        method
        status
        amountCents
        refundedCents
        clientSecret
      }
    }
  }
`);
