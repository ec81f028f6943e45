// The catalog operations a frontend sends, typed by GraphQL Code Generator (npm run codegen).
import { graphql } from '../__generated__';

export const CategoriesQuery = graphql(`
  query Categories {
    categories {
      id
      name
      slug
      subcategories {
        id
        name
        slug
        category {
          slug
        }
      }
    }
  }
`);

export const ProductQuery = graphql(`
  query Product($id: ID!) {
    product(id: $id) {
      id
      name
      description
      priceCents
      unit
      imageUrls
      listed
      available
      seller {
        id
        name
        sellerProfile {
          stallName
        }
      }
      subcategory {
        id
        name
        category {
          id
          name
        }
      }
      inventory {
        quantityOnHand
        quantityReserved
        quantityAvailable
        lowStockThreshold
      }
    }
  }
`);

export const ProductsQuery = graphql(`
  query Products($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
    products(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          priceCents
          unit
          available
          createdAt
          seller {
            id
            name
            sellerProfile {
              stallName
            }
          }
          subcategory {
            id
            name
            category {
              id
              name
            }
          }
          inventory {
            quantityAvailable
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** A seller's own listings, unlisted ones included. */
export const MyProductsQuery = graphql(`
  query MyProducts($first: Int, $after: String) {
    me {
      id
      name
      role
      products(first: $first, after: $after) {
        totalCount
        edges {
          node {
            id
            name
            listed
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      name
      description
      priceCents
      unit
      imageUrls
      listed
      available
      createdAt
      seller {
        id
      }
      subcategory {
        id
        name
      }
      inventory {
        quantityOnHand
        quantityReserved
        quantityAvailable
        lowStockThreshold
      }
    }
  }
`);

export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      id
      name
      description
      priceCents
      unit
      imageUrls
      listed
      available
      subcategory {
        id
      }
    }
  }
`);

export const DeleteProductMutation = graphql(`
  mutation DeleteProduct($id: ID!) {
    deleteProduct(id: $id)
  }
`);

export const AdjustInventoryMutation = graphql(`
  mutation AdjustInventory($productId: ID!, $delta: Int!, $reason: String) {
    adjustInventory(productId: $productId, delta: $delta, reason: $reason) {
      productId
      quantityOnHand
      quantityReserved
      quantityAvailable
      lowStockThreshold
    }
  }
`);

export const CreateCategoryMutation = graphql(`
  mutation CreateCategory($name: String!) {
    createCategory(name: $name) {
      id
      name
      slug
    }
  }
`);

export const CreateSubcategoryMutation = graphql(`
  mutation CreateSubcategory($categoryId: ID!, $name: String!) {
    createSubcategory(categoryId: $categoryId, name: $name) {
      id
      name
      slug
      category {
        slug
      }
    }
  }
`);
