"""Products: the catalogue of what customers may send back."""

from typing import Annotated

from fastapi import APIRouter, Query, status

from revalo.domain.catalog import Product
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas import ProductCreate, ProductPublic, ProductsPublic
from revalo.entrypoints.api.types import ClientCodeQuery, Limit, Offset, SkuPath, Storable
from revalo.services import catalog, queries

router = APIRouter(prefix="/products", tags=["products"])


@router.post(
    "", dependencies=[need(Permission.MANAGE_PRODUCTS)], status_code=status.HTTP_201_CREATED
)
def create_product(body: ProductCreate, uow: UowDep, user: CurrentUser) -> ProductPublic:
    """Add a product; its GTIN's check digit is verified."""
    product = catalog.add_product(uow, Product(**body.model_dump()), by=user)
    return ProductPublic.model_validate(product)


@router.get("", dependencies=[need(Permission.VIEW_CATALOGUE)])
def list_products(
    uow: ReadUowDep,
    category: Annotated[str | None, Query(max_length=40), Storable] = None,
    client_code: ClientCodeQuery = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ProductsPublic:
    page = queries.list_products(
        uow,
        category=category.strip().lower() if category else None,
        limit=limit,
        offset=offset,
        client_code=client_code,
    )
    return ProductsPublic(
        data=[ProductPublic.model_validate(p) for p in page.items], count=page.total
    )


@router.get("/{sku}", dependencies=[need(Permission.VIEW_CATALOGUE)])
def get_product(sku: SkuPath, uow: ReadUowDep) -> ProductPublic:
    return ProductPublic.model_validate(queries.get_product(uow, sku))
